print("noisy.py is running!")
