"""A script that imports itself by its own name."""

print(f"running selfie.py as {__name__!r}")

if __name__ == "__main__":
    import selfie

    print("the same module?", selfie is __import__("__main__"))
