MATCH ()-[a:ABOUT]->() DELETE a
