import pets.registry

SOUND = "meow"


def kinds():
    return sorted(pets.registry.KINDS)
