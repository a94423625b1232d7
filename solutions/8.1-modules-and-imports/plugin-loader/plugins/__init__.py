"""Text plugins: each module here has a transform(text) function."""
