/** Published, immutable versions of decks (and later curricula, exam forms and company rules). */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package jp.mamori.catalog;
