package jp.mamori.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The server's view of one browser tab as Vaadin's client keeps it: the state nodes the UIDL "changes" create, change
 * and detach, each with its element tag, properties, children and text. Enough of Flow's client to find a question, its
 * options and the buttons on the exam page.
 */
final class UiTree {

    // Flow's node features as numbered on the wire (com.vaadin.flow.internal.nodefeature.NodeFeatureRegistry).
    private static final int ELEMENT_DATA = 0;
    private static final int ELEMENT_PROPERTIES = 1;
    private static final int ELEMENT_CHILDREN = 2;
    private static final int ELEMENT_LISTENERS = 4;

    /** One state node: an element (tag, properties, children, listeners) or a text node (text). */
    static final class Node {
        final int id;
        String tag;
        String text;
        final Map<String, JsonElement> properties = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<String> listeners = new ArrayList<>();

        Node(int id) {
            this.id = id;
        }

        String property(String name) {
            JsonElement value = properties.get(name);
            return value == null || value.isJsonNull() ? null : value.getAsString();
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();

    /** Applies the "changes" of one UIDL response in order. */
    void apply(JsonArray changes) {
        for (JsonElement element : changes) {
            JsonObject change = element.getAsJsonObject();
            int id = change.get("node").getAsInt();
            String type = change.get("type").getAsString();
            if (type.equals("detach")) {
                nodes.remove(id);
                continue;
            }
            Node node = nodes.computeIfAbsent(id, Node::new);
            int feature = change.has("feat") ? change.get("feat").getAsInt() : -1;
            switch (type) {
                case "put" -> put(node, feature, change);
                case "remove" -> node.properties.remove(change.get("key").getAsString());
                case "clear" -> {
                    if (feature == ELEMENT_CHILDREN) {
                        node.children.clear();
                    }
                }
                case "splice" -> {
                    if (feature == ELEMENT_CHILDREN) {
                        splice(node, change);
                    }
                }
                default -> {
                    // "attach" creates the node (done above); nothing else is needed here.
                }
            }
        }
    }

    private static void put(Node node, int feature, JsonObject change) {
        String key = change.get("key").getAsString();
        JsonElement value = change.get("value");
        if (key.equals("text")) {
            node.text = value.getAsString();
        } else if (feature == ELEMENT_DATA && key.equals("tag")) {
            node.tag = value.getAsString();
        } else if (feature == ELEMENT_PROPERTIES && value != null) {
            node.properties.put(key, value);
        } else if (feature == ELEMENT_LISTENERS) {
            node.listeners.add(key);
        }
    }

    private static void splice(Node node, JsonObject change) {
        int index = change.get("index").getAsInt();
        int remove = change.has("remove") ? change.get("remove").getAsInt() : 0;
        for (int i = 0; i < remove && index < node.children.size(); i++) {
            node.children.remove(index);
        }
        if (change.has("addNodes")) {
            List<Integer> added = new ArrayList<>();
            change.getAsJsonArray("addNodes").forEach(n -> added.add(n.getAsInt()));
            node.children.addAll(Math.min(index, node.children.size()), added);
        }
    }

    /** The text a person reads in the node: its own text and that of every descendant. */
    String text(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString().strip();
    }

    private void appendText(Node node, StringBuilder text) {
        if (node.text != null) {
            text.append(node.text);
        }
        for (int child : node.children) {
            Node next = nodes.get(child);
            if (next != null) {
                appendText(next, text);
            }
        }
    }

    List<Node> children(Node node) {
        return node.children.stream().map(nodes::get).filter(n -> n != null).toList();
    }

    List<Node> find(Predicate<Node> test) {
        return nodes.values().stream().filter(test).toList();
    }

    Optional<Node> first(Predicate<Node> test) {
        return nodes.values().stream().filter(test).findFirst();
    }

    /** The one button showing exactly this text (the exam page has one "next" and one "submit"). */
    Optional<Node> button(String text) {
        return first(n -> "vaadin-button".equals(n.tag) && text.equals(text(n)));
    }

    static Predicate<Node> tag(String... tags) {
        return n -> n.tag != null && List.of(tags).contains(n.tag);
    }
}
