import statistics
import sys

words = sys.argv[1:]
if words[:1] == ["--mean"]:
    print("mean length:", statistics.mean(len(word) for word in words[1:]))
else:
    print(len(words), "words")
print("statistics loaded:", "statistics" in sys.modules)
