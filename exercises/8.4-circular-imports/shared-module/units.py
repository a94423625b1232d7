"""What shapes and render both need: see step 1 of the README."""
