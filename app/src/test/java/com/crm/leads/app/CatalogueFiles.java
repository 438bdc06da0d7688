package com.crm.leads.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Catalogue files for tests: the default catalogue, changed, in a temporary file a service can be given. */
final class CatalogueFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogueFiles() {
    }

    /** The default catalogue with every user's password hash replaced by one of {@code password}. */
    static Path withPassword(String password) {
        String hash = new BCryptPasswordEncoder().encode(password);
        return changed(catalogue -> catalogue.withArray("users")
                .forEach(user -> ((ObjectNode) user).put("password_hash", hash)));
    }

    /**
     * The default catalogue with more users like mariosmtest (Admin Unit, no administrator, the development
     * password), named {@code usernames}: users a test may lock out or give a new password without disturbing
     * the users other tests sign in as.
     */
    static Path withMoreUsers(String... usernames) {
        return changed(catalogue -> {
            ObjectNode marios = (ObjectNode) catalogue.withArray("users").get(1);
            for (String username : usernames) {
                catalogue.withArray("users").add(marios.deepCopy().put("id", "TEST-" + username)
                        .put("username", username).put("person_name", username));
            }
        });
    }

    private static Path changed(Consumer<ObjectNode> change) {
        try (InputStream in = CatalogueFiles.class.getResourceAsStream("/catalogue.json")) {
            ObjectNode catalogue = (ObjectNode) JSON.readTree(in);
            change.accept(catalogue);
            Path file = Files.createTempFile("catalogue-", ".json");
            file.toFile().deleteOnExit();
            JSON.writeValue(file.toFile(), catalogue);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
