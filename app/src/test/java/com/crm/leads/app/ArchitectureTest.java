package com.crm.leads.app;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.query.StatusUsedQuery;
import com.crm.leads.app.lead.LeadWireNames;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the module graph a DAG (api &lt;- command-side, api &lt;- query-side, all &lt;- app) and each side's
 * inside to itself.
 */
@AnalyzeClasses(packages = "com.crm.leads", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The read model's columns are the database's names; this one is spelled as the API's field of the same
     * meaning, which is no wire name leaking in.
     */
    private static final Set<String> READ_MODEL_COLUMNS = Set.of("contact_email");

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

    /**
     * No API name stands outside the application: no string constant of the api, the command side or the query side
     * is a snake_case name of {@link LeadWireNames} (a parameter or a field as the API writes it).
     */
    @ArchTest
    static final ArchRule apiNamesStayInTheApp = classes()
            .that().resideInAnyPackage("com.crm.leads.command..", "com.crm.leads.query..", "com.crm.leads.api..")
            .should(holdNoApiName());

    /**
     * A question about leads says whose it is, so no answer can forget what its caller may see (section 11). Whether
     * a status was ever used is asked of every lead, seen or not, and answers only yes or no.
     */
    @ArchTest
    static final ArchRule everyQueryAboutLeadsCarriesTheCallersAccess = classes()
            .that().resideInAPackage("com.crm.leads.api.query").and().haveSimpleNameEndingWith("Query")
            .and().doNotHaveSimpleName(StatusUsedQuery.class.getSimpleName())
            .should(new ArchCondition<>("carry the caller's LeadAccess") {
                @Override
                public void check(JavaClass query, ConditionEvents events) {
                    boolean carries = query.getFields().stream()
                            .anyMatch(field -> field.getRawType().isEquivalentTo(LeadAccess.class));
                    events.add(new SimpleConditionEvent(query, carries, query.getName() + " carries no LeadAccess"));
                }
            });

    private static ArchCondition<JavaClass> holdNoApiName() {
        Set<String> apiNames = LeadWireNames.all().stream().filter(name -> name.contains("_"))
                .filter(name -> !READ_MODEL_COLUMNS.contains(name)).collect(Collectors.toSet());
        return new ArchCondition<>("hold no API name as a string constant") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String constant : stringConstants(javaClass)) {
                    if (apiNames.contains(constant)) {
                        events.add(SimpleConditionEvent.violated(javaClass,
                                javaClass.getName() + " holds the API name \"" + constant + "\""));
                    }
                }
            }
        };
    }

    /** The string literals of a class's code and the values of its constant fields, read from its class file. */
    private static Set<String> stringConstants(JavaClass javaClass) {
        Set<String> constants = new HashSet<>();
        try (InputStream classFile = javaClass.getSource().orElseThrow().getUri().toURL().openStream()) {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    if (value instanceof String text) {
                        constants.add(text);
                    }
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof String text) {
                                constants.add(text);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return constants;
    }
}
