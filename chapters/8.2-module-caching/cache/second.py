import noisy

noisy.VISITS.append("second")
