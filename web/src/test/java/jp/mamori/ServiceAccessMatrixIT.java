package jp.mamori;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.mamori.identity.TestUsers;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * The access matrix of every public service method, generated from the running application: every public method
 * of every {@code @Service} in {@code jp.mamori} states who may call it ({@code @PreAuthorize}, or
 * {@code @PostAuthorize} where the result decides); for each {@code @PreAuthorize} method and
 * each role, the system principal and an anonymous caller, the roles its rule names are let through (the rule
 * evaluated as Spring Security evaluates it) and every other caller is refused by the bean itself when the method is
 * called (the refusal comes before the method body, so refused calls change nothing). Rules that depend on the
 * arguments ({@code #userId == authentication.principal.id()}) are checked for anonymous callers here and by their
 * own tests otherwise. The matrix is written to {@code docs/service-access-matrix.md}.
 */
@MamoriIntegrationTest
class ServiceAccessMatrixIT {

    private static final Pattern ROLE_RULE = Pattern.compile("^has(?:Any)?Role\\(([^()]*)\\)$");
    private static final String SYSTEM = "SYSTEM";
    private static final String ANONYMOUS = "anonymous";

    @Autowired
    ApplicationContext context;
    @Autowired
    TestUsers users;

    @Test
    void every_public_service_method_states_who_may_call_it_and_refuses_everyone_else() throws IOException {
        List<Guarded> methods = guardedMethods();
        List<String> unguarded = unguardedServiceMethods();
        assertThat(unguarded).as("public service methods without @PreAuthorize").isEmpty();
        assertThat(methods).hasSizeGreaterThan(100);

        List<String> callers = Stream.concat(Arrays.stream(Role.values()).map(Role::name), Stream.of(SYSTEM, ANONYMOUS)).toList();
        List<String> wrong = new ArrayList<>();
        for (Guarded method : methods) {
            for (String caller : callers) {
                Boolean expected = method.allows(caller);
                if (expected == null) {
                    continue;
                }
                if (expected && !evaluates(method, caller)) {
                    wrong.add(method.name() + " should let " + caller + " through");
                } else if (!expected && !refusesWhenCalled(method, caller)) {
                    wrong.add(method.name() + " should refuse " + caller);
                }
            }
        }
        TestUsers.logout();
        assertThat(wrong).isEmpty();
        write(methods, callers);
    }

    /** The rule evaluated for this caller as Spring Security's method interceptor evaluates it. */
    private boolean evaluates(Guarded method, String caller) {
        var invocation = new SimpleMethodInvocation(method.bean(), method.method(), dummyArguments(method.method()));
        var decision = new PreAuthorizeAuthorizationManager().authorize(() -> authentication(caller), invocation);
        return decision != null && decision.isGranted();
    }

    /** Calls the method through the bean's proxy as this caller; true when the call is refused before it runs. */
    private boolean refusesWhenCalled(Guarded method, String caller) {
        if (ANONYMOUS.equals(caller)) {
            users.authenticate(null);
        } else {
            users.authenticate(authentication(caller));
        }
        try {
            // Through the proxy's own method: for an interface-based proxy, the interface's method.
            Method callable = ClassUtils.getMethodIfAvailable(method.bean().getClass(), method.method().getName(),
                    method.method().getParameterTypes());
            if (callable == null) {
                return !evaluates(method, caller); // not reachable through the proxy: nobody outside can call it
            }
            callable.setAccessible(true);
            callable.invoke(method.bean(), dummyArguments(method.method()));
            return false;
        } catch (InvocationTargetException e) {
            // A rule that reads the caller (authentication.principal...) fails inside the expression for nobody.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationDeniedException || cause instanceof AuthenticationCredentialsNotFoundException) {
                    return true;
                }
            }
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            TestUsers.logout();
        }
    }

    private static Authentication authentication(String caller) {
        if (ANONYMOUS.equals(caller)) {
            return new AnonymousAuthenticationToken("matrix", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        }
        return UsernamePasswordAuthenticationToken.authenticated("matrix-" + caller, null,
                AuthorityUtils.createAuthorityList("ROLE_" + caller));
    }

    private static Object[] dummyArguments(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(type -> {
            if (type.isEnum()) {
                return type.getEnumConstants()[0]; // rules may read an enum argument (hasRole(#audience.roleName()))
            }
            if (!type.isPrimitive()) {
                return null;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == char.class) {
                return 'x';
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == double.class) {
                return 0d;
            }
            if (type == float.class) {
                return 0f;
            }
            return type == int.class ? 0 : type == short.class ? (short) 0 : (byte) 0;
        }).toArray();
    }

    private List<Guarded> guardedMethods() {
        List<Guarded> found = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("jp.mamori.")) {
                continue;
            }
            for (Method method : publicMethods(type)) {
                PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
                if (rule == null) {
                    rule = AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
                }
                if (rule != null) {
                    found.add(new Guarded(type.getSimpleName() + "." + method.getName() + signature(method), bean,
                            method, rule.value().strip()));
                }
            }
        }
        found.sort(Comparator.comparing(Guarded::name));
        return found;
    }

    private List<String> unguardedServiceMethods() {
        List<String> missing = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("jp.mamori.") || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method method : publicMethods(type)) {
                // @PostAuthorize states it too (a record readable by its owner or the office, decided on the result).
                if (AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class) == null
                        && AnnotatedElementUtils.findMergedAnnotation(method, PostAuthorize.class) == null
                        && AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class) == null) {
                    missing.add(type.getSimpleName() + "." + method.getName() + signature(method));
                }
            }
        }
        return missing;
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .toList();
    }

    private static String signature(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static void write(List<Guarded> methods, List<String> callers) throws IOException {
        StringBuilder out = new StringBuilder("""
                # Service access matrix

                Generated by `ServiceAccessMatrixIT` from the running application (do not edit): every public method of
                Mamori's services with its `@PreAuthorize` rule. ✓ let through, · refused (each refusal is tested by
                calling the method), ? depends on the arguments (tested by the method's own tests; anonymous callers
                are always refused). SYSTEM is the principal of background work (`SystemTask`).

                """);
        out.append("| method | rule | ").append(String.join(" | ", callers)).append(" |\n");
        out.append("|---|---|").append("---|".repeat(callers.size())).append('\n');
        for (Guarded method : methods) {
            out.append("| `").append(method.name()).append("` | `").append(method.rule().replace("|", "\\|")).append("` | ");
            out.append(callers.stream().map(caller -> {
                Boolean allowed = method.allows(caller);
                return allowed == null ? "?" : allowed ? "✓" : "·";
            }).collect(Collectors.joining(" | "))).append(" |\n");
        }
        Path file = Path.of("..", "docs", "service-access-matrix.md");
        if (Files.isDirectory(file.getParent())) {
            Files.writeString(file, out.toString());
        }
    }

    /** A method with its rule; {@link #allows} reads the rule's roles, or gives null when the rule depends on arguments. */
    private record Guarded(String name, Object bean, Method method, String rule) {

        Boolean allows(String caller) {
            if (rule.equals("permitAll()")) {
                return true;
            }
            if (ANONYMOUS.equals(caller)) {
                return false;
            }
            if (rule.equals("isAuthenticated()")) {
                return true;
            }
            Matcher roles = ROLE_RULE.matcher(rule);
            if (!roles.matches()) {
                return null;
            }
            Set<String> named = new LinkedHashSet<>();
            for (String part : roles.group(1).split(",")) {
                named.add(part.strip().replace("'", ""));
            }
            return named.contains(caller);
        }
    }
}
