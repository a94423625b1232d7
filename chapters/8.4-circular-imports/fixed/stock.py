from counts import COUNT  # noqa: F401  (stock no longer imports prices)
