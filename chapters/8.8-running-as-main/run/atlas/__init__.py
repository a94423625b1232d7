from atlas.places import Place
