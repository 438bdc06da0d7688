package com.crm.leads.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * The {@link HostileRequests} on the production store, where text with NUL once reached PostgreSQL (which cannot
 * store it) and answered 500.
 */
class HostileInputPostgresTest {

    private static PostgresDatabase database;
    private static ServiceClient client;

    @BeforeAll
    static void theServiceOnPostgres() {
        database = new PostgresDatabase();
        client = PostgresDatabase.client(database.start());
    }

    @AfterAll
    static void dropIt() {
        database.close();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedNamingItsParameterAndChangesNothing() {
        return new HostileRequests(client).tests();
    }
}
