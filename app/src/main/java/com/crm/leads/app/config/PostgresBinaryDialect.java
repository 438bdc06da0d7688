package com.crm.leads.app.config;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;

/**
 * PostgreSQL with Axon's {@code @Lob} columns (event payloads, metadata, tokens) as {@code bytea}, read and written
 * as bytes. Hibernate's own dialect makes them {@code oid}: large objects outside the table that nothing ever
 * deletes. The schema (Flyway's) declares them {@code bytea}; this makes Hibernate agree.
 */
public class PostgresBinaryDialect extends PostgreSQLDialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        H2BinaryDialect.readBlobsAsBytes(typeContributions);
    }
}
