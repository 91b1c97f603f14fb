/** Users, departments, roles, login, lockout, one-time password links, the first admin and demo users. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package jp.mamori.identity;
