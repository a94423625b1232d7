import sys

words = sys.argv[1:]
if words[:1] == ["--mean"]:
    import statistics  # only this branch needs it, so only this branch pays for it

    print("mean length:", statistics.mean(len(word) for word in words[1:]))
else:
    print(len(words), "words")
print("statistics loaded:", "statistics" in sys.modules)
