print(f"game.py running as {__name__!r}")
import scores  # noqa: E402

LIVES = 3


def main():
    print("lives:", LIVES, "| best possible:", scores.best())


if __name__ == "__main__":
    main()
