package org.xtaserver.tenant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Collects the problems of one tenant file while it is mapped to the model. */
final class Problems {

    private final Path file;
    private final List<TenantConfigProblem> list = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void add(String field, String reason) {
        list.add(new TenantConfigProblem(file, field, reason));
    }

    void addAll(String prefix, TenantConfigException e) {
        e.violations().forEach(v -> add(FieldPath.join(prefix, v.field()), v.reason()));
    }

    /** Runs record-level checks collected in a {@link Violations}. */
    void check(String prefix, Consumer<Violations> checks) {
        Violations v = new Violations();
        checks.accept(v);
        try {
            v.throwIfAny();
        } catch (TenantConfigException e) {
            addAll(prefix, e);
        }
    }

    /** The value, or null after recording why it could not be built. */
    <T> T build(String prefix, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (TenantConfigException e) {
            addAll(prefix, e);
            return null;
        } catch (IllegalArgumentException e) {
            add(prefix, e.getMessage() == null ? "invalid value" : e.getMessage());
            return null;
        }
    }

    int count() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<TenantConfigProblem> list() {
        return List.copyOf(list);
    }
}
