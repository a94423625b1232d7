def fmt(text):
    return text.upper()
