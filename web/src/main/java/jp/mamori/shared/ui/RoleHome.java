package jp.mamori.shared.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.mamori.shared.Role;

/** Marks the view a role lands on after login. Exactly one view per role carries it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RoleHome {
    Role value();
}
