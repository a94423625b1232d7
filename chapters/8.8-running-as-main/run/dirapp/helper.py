MESSAGE = "helper found beside __main__.py"
