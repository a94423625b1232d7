import greet

print(greet.hello("bytecode"))
