/** The learning views: my training, the deck player, the check, and the deck card other modules' views embed. */
@org.springframework.modulith.NamedInterface("ui")
package jp.mamori.learning.ui;
