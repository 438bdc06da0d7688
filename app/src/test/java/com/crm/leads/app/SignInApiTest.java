package com.crm.leads.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The base of the tests that lock users out or change their passwords: a service of their own (the shared one's
 * users must keep signing in), with users no other test signs in as, short cool-downs so a lock's end can be
 * waited for, and an address limit a test reaches quickly. Each test signs in from addresses and as users of its
 * own (through {@code X-Forwarded-For}, which the service reads from a client on this machine as from a proxy),
 * so no test's failures count against another's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sign-in-test;DB_CLOSE_DELAY=-1",
        "logging.level.root=WARN",
        "leads.sign-ins.failures-per-address=8",
        "leads.sign-ins.first-cool-down=2s",
        "leads.sign-ins.longest-cool-down=5s"})
abstract class SignInApiTest extends ApiTest {

    private static final int USERS = 30;
    private static final Path CATALOGUE = CatalogueFiles.withMoreUsers(
            IntStream.rangeClosed(1, USERS).mapToObj(SignInApiTest::username).toArray(String[]::new));
    private static final AtomicInteger LAST_USER = new AtomicInteger();
    private static final AtomicInteger LAST_ADDRESS = new AtomicInteger();

    @DynamicPropertySource
    static void usersOfTheirOwn(DynamicPropertyRegistry registry) {
        registry.add("leads.catalogue", () -> "file:" + CATALOGUE);
    }

    /** A user of the catalogue that no other test signs in as; its password is the development one. */
    protected static String anotherUser() {
        return username(LAST_USER.incrementAndGet());
    }

    /** A client address that no other test signs in from. */
    protected static String anotherAddress() {
        int address = LAST_ADDRESS.incrementAndGet();
        return "198.51." + (address / 250) + "." + (address % 250 + 1);
    }

    protected Answer signIn(String address, String username, String password) {
        Map<String, Object> credentials = new HashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        credentials.put("organisation", "CRM");
        return postWithHeaders("/authentication/token", credentials, "X-Forwarded-For", address);
    }

    private static String username(int user) {
        return "signs-in-" + user;
    }
}
