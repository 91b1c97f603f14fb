package jp.mamori.questionbank;

import java.util.List;

/**
 * What an importer read: the items it could convert (as drafts), the questions of types Mamori does not support,
 * and the problems that stop the import. Imports are all-or-nothing unless unsupported questions may be skipped.
 */
public record Imported(List<Item> items, List<Unsupported> unsupported, List<Problem> problems) {

    /** A question of a type Mamori does not offer (essay, matching, numerical, short answer, cloze). */
    public record Unsupported(String file, int line, String name, String type) {

        @Override
        public String toString() {
            return file + ":" + line + ": " + name + ": " + type + " questions are not supported";
        }
    }

    public Imported {
        items = List.copyOf(items);
        unsupported = List.copyOf(unsupported);
        problems = List.copyOf(problems);
    }
}
