package jp.mamori.exam;

import java.util.List;
import java.util.Optional;
import jp.mamori.questionbank.Item;

/**
 * What an uploaded QTI package or Moodle XML file would add to a bank (a dry run: nothing is stored): the items read,
 * every problem as {@code file:line: message}, and, only when there is no problem, the bank YAML file the author adds
 * to the bank folder.
 */
public record ImportPreview(String fileName, List<PreviewedItem> items, List<String> problems, Optional<BankFile> yaml) {

    public ImportPreview {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    /** One item read, and the version of that id the live bank has, if any (0 when it is new). */
    public record PreviewedItem(Item item, int versionInBank) {
    }
}
