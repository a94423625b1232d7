import pickle

print(f"places.py runs as {__name__!r}")


class Place:
    def __init__(self, name):
        self.name = name


if __name__ == "__main__":
    home = Place("home")
    with open("place.pkl", "wb") as file:
        pickle.dump(home, file)
    print("saved a", type(home))
