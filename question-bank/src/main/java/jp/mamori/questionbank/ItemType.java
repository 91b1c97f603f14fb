package jp.mamori.questionbank;

import java.util.Arrays;
import java.util.Optional;

/** How an item is answered. */
public enum ItemType {
    SINGLE("single"),
    MULTIPLE("multiple"),
    TRUE_FALSE("true_false");

    private final String yamlName;

    ItemType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    static Optional<ItemType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}
