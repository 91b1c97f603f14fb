package jp.mamori.content;

import java.util.List;
import java.util.Optional;
import jp.mamori.questionbank.LocalizedText;

/**
 * A declaration at one version (docs/content-format.md, "Declarations"): statements confirmed one by one, and facts
 * the person enters (a date, a text, one or several choices), each with an optional rule.
 */
public record Declaration(String id, int version, LocalizedText title, LocalizedText intro, List<Statement> statements,
                          List<Fact> facts) {

    public Declaration {
        statements = List.copyOf(statements);
        facts = List.copyOf(facts);
    }

    public Optional<Fact> fact(String factId) {
        return facts.stream().filter(f -> f.id().equals(factId)).findFirst();
    }

    public record Statement(String id, LocalizedText text) {
    }

    public enum FactType { DATE, TEXT, CHOICE }

    /** One input; {@code rule} is empty, {@code not-in-future}, or {@code required-if <fact>=<choice>}. */
    public record Fact(String id, LocalizedText label, FactType type, boolean required, boolean multiple,
                       List<Choice> choices, String rule) {

        public Fact {
            choices = List.copyOf(choices);
        }

        public boolean notInFuture() {
            return "not-in-future".equals(rule);
        }

        /** For {@code required-if f=c}: the fact and choice that make this one required. */
        public Optional<String[]> requiredIf() {
            return rule != null && rule.startsWith("required-if ") ? Optional.of(rule.substring("required-if ".length()).split("=", 2))
                    : Optional.empty();
        }
    }

    public record Choice(String id, LocalizedText label) {
    }
}
