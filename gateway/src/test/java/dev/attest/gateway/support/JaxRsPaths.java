package dev.attest.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

/**
 * The paths a module's JAX-RS resources serve, read from its compiled classes: each resource class's {@code
 * @Path} joined with its methods' (a method without one serves the class's own), templates as OpenAPI writes
 * them ({@code {name: regex}} becomes {@code {name}}).
 */
public final class JaxRsPaths {
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final Set<DotName> HTTP_METHODS = Stream.of(
                    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
            .map(name -> DotName.createSimple("jakarta.ws.rs." + name))
            .collect(Collectors.toSet());

    private JaxRsPaths() {}

    public static Set<String> of(Path classes) throws IOException {
        Index index = index(classes);
        Set<String> paths = new TreeSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(PATH)) {
            if (annotation.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = annotation.target().asClass();
            String base = annotation.value().asString();
            for (MethodInfo method : resource.methods()) {
                if (HTTP_METHODS.stream().noneMatch(method::hasDeclaredAnnotation)) {
                    continue;
                }
                AnnotationInstance own = method.declaredAnnotation(PATH);
                paths.add(
                        normalize(own == null ? base : base + "/" + own.value().asString()));
            }
        }
        return paths;
    }

    private static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/+", "/").replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Index index(Path classes) throws IOException {
        Indexer indexer = new Indexer();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                indexer.index(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return indexer.complete();
    }
}
