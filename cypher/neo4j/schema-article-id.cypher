// Each load writes a generation of its own beside the one served, so ids are unique per generation.
CREATE CONSTRAINT article_gen_id IF NOT EXISTS FOR (a:Article) REQUIRE (a.gen, a.id) IS UNIQUE
