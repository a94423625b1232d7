def cut():
    return "zzz"
