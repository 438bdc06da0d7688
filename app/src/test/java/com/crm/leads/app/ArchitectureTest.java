package com.crm.leads.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the module graph a DAG (api &lt;- command-side, api &lt;- query-side, all &lt;- app) and each side's
 * inside to itself.
 */
@AnalyzeClasses(packages = "com.crm.leads", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesFormADag = slices().matching("com.crm.leads.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theApiDependsOnNoOtherModule = noClasses().that().resideInAPackage("com.crm.leads.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.crm.leads.command..", "com.crm.leads.query..", "com.crm.leads.app..");

    @ArchTest
    static final ArchRule theApiIsPlainJava = noClasses().that().resideInAPackage("com.crm.leads.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule theCommandSideDoesNotKnowTheQuerySide = noClasses()
            .that().resideInAPackage("com.crm.leads.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.crm.leads.query..", "com.crm.leads.app..");

    @ArchTest
    static final ArchRule theQuerySideNeverReadsTheAggregate = noClasses()
            .that().resideInAPackage("com.crm.leads.query..")
            .should().dependOnClassesThat().resideInAnyPackage("com.crm.leads.command..", "com.crm.leads.app..");

    @ArchTest
    static final ArchRule theAggregateIsReachedOnlyThroughCommands = classes()
            .that().resideInAPackage("com.crm.leads.command..")
            .should().notBePublic();

    @ArchTest
    static final ArchRule theWireFormatStaysInTheApp = noClasses()
            .that().resideInAnyPackage("com.crm.leads.command..", "com.crm.leads.query..", "com.crm.leads.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");
}
