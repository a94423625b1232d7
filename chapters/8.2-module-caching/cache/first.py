import noisy

noisy.VISITS.append("first")
