package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rest of the {@code leads/update} surface of LEADS-API.md (sections 3, 5 and 7), spoken to over HTTP: the set
 * updates (competitors, users, products and the deprecated product sets), the reference parameters (group, privacy
 * level, subscription package, owner, assignment, source), the completion dates and periods, {@code fields_set},
 * the deprecated billing address, and sets given on create. Every test makes its own leads (for Filippos
 * Constantinou, whose addresses are HOME and WORK); the seed leads 69 and 127 are not touched.
 */
class LeadUpdateSurfaceApiTest extends ApiTest {

    private static final String ROW_ID = "[0-9A-F]{32}";

    private static final String WON_ID = "CE3D8565F49E82F5B7F3BB62C43A1B06";
    private static final String MAIN_GROUP_ID = "1";
    private static final String CSR_GROUP_ID = "9F53AE96144CB2F358C38BADE9E2F470";
    private static final String PUBLIC_PRIVACY_ID = "2A32F4C91E374E0D9EE52DCDAC46ECAE";
    private static final String GROUP_PRIVACY_ID = "5756492D4C2E4C3FB72BD98EE4C6773A";
    private static final String PRIVATE_PRIVACY_ID = "FB8BFCF5905842D8903E4A3D5315445A";
    private static final String SIMPLE_PACKAGE_ID = "0015B6F5645F4454A442051E823E3B4D";
    private static final String ADMIN_ID = "1";
    private static final String MARIOS_ID = "C2730E7C873AB4F5425218BA01378251";
    private static final String SUPERVISOR_ID = "018CA08BC267612F6206D85011FFC5D1";
    private static final String ADMIN_UNIT_ID = "48305F8849E3C18B227C5BE3A27BA6DF";
    private static final String SALES_UNIT_ID = "5A54B615CB2A4B218A68259053A555FB";
    private static final String COMPETITOR_1_ID = "C671ED66046243565DE5B6B4A1AB5835";
    private static final String COMMUNICATION_204_ID = "0316F16B0700688BCF97CCC9661F4141";
    private static final String LIONEL_MESSI_ID = "0A910B939D30FFC942ECCE4082AF42F8";
    private static final String FILIPPOS_HOME_ID = "8B1835D3EAAE48348B84E9F0E69A73F5";
    private static final String KOKOS_HOME_ID = "080CAC5CFFA64BEC887113F63E871E85";


    // ================================================================================================ set updates

    /**
     * One set parameter and how its entries are written: an add names the member (for products inside
     * {@code lead_product_identifier}), a remove names it inside the row identifier or gives the row's id. The
     * products sets are exercised with product types; the other product kinds have tests of their own.
     */
    record SetKind(String parameter, String field, String rowKey, String memberKey, boolean addInsideRow,
                   String identifyingField, String memberField, String labelField,
                   String first, String second, String third) {

        Map<String, Object> add(String action, String member) {
            Map<String, Object> identifier = Map.of(memberKey, Map.of(identifyingField, member));
            return entry(action, addInsideRow ? Map.of(rowKey, identifier) : identifier);
        }

        Map<String, Object> add(String member) {
            return add("add", member);
        }

        Map<String, Object> remove(String action, String member) {
            return entry(action, Map.of(rowKey, Map.of(memberKey, Map.of(identifyingField, member))));
        }

        Map<String, Object> remove(String member) {
            return remove("remove", member);
        }

        Map<String, Object> removeRow(String rowId) {
            return entry("remove", Map.of(rowKey, Map.of("id", rowId)));
        }

        /** The path of the member identifier of an add at {@code index}. */
        String memberPath(int index) {
            return parameter + "[" + index + "]" + (addInsideRow ? "." + rowKey : "") + "." + memberKey;
        }

        String label(JsonNode row) {
            return row.path(memberField).path(labelField).asText();
        }

        private static Map<String, Object> entry(String action, Map<String, Object> rest) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("action", action);
            entry.putAll(rest);
            return entry;
        }

        @Override
        public String toString() {
            return parameter;
        }
    }

    static final SetKind COMPETITORS = new SetKind("competitors_set", "competitors_set",
            "lead_competitor_identifier", "competitor_identifier", false, "name", "competitor", "name",
            "Competitor 1", "Competitor 2", "Competitor 4");
    static final SetKind USERS = new SetKind("users_set", "users_set",
            "lead_user_identifier", "user_identifier", false, "username", "user", "username",
            "mariosmtest", "supervisor", "MPAdministrator");
    static final SetKind PRODUCTS = new SetKind("products_set", "products_set",
            "lead_product_identifier", "product_type_identifier", true, "name", "product_type", "name",
            "Additional Services", "Add-ons", "Subscription Packages");
    static final SetKind LEAD_PRODUCTS = new SetKind("lead_products_set", "products_set",
            "lead_product_identifier", "product_type_identifier", true, "name", "product_type", "name",
            "Additional Services", "Add-ons", "Subscription Packages");

    static Stream<SetKind> sets() {
        return Stream.of(COMPETITORS, USERS, PRODUCTS, LEAD_PRODUCTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void addPutsTheMemberInARowOfItsOwnWithA32HexRowId(SetKind set) {
        JsonNode lead = newLead();
        assertThat(lead.path(set.field())).as("%s of a new lead", set.field()).isEmpty();

        JsonNode answer = applied(update(lead, set.parameter(), List.of(set.add(set.first()))));

        JsonNode rows = answer.path(set.field());
        assertThat(labels(set, rows)).containsExactly(set.first());
        assertThat(rows.get(0).path("id").asText()).matches(ROW_ID);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, set.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theActionIsReadInAnyLetterCase(SetKind set) {
        JsonNode lead = newLead();

        JsonNode added = applied(update(lead, set.parameter(),
                List.of(set.add("ADD", set.first()), set.add("Add", set.second()))));
        assertThat(labels(set, added.path(set.field()))).containsExactly(set.first(), set.second());

        JsonNode removed = applied(update(added, set.parameter(), List.of(set.remove("REMOVE", set.first()))));
        assertThat(labels(set, removed.path(set.field()))).containsExactly(set.second());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void removeNamingTheMemberRemovesItsRowAndKeepsTheOthers(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));
        JsonNode second = lead.path(set.field()).get(1);

        JsonNode answer = applied(update(lead, set.parameter(), List.of(set.remove(set.first()))));

        assertThat(answer.path(set.field())).containsExactly(second);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, set.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void removeNamingTheRowIdFromTheAnswerRemovesThatRow(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));
        JsonNode first = lead.path(set.field()).get(0);
        JsonNode second = lead.path(set.field()).get(1);

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.removeRow(second.path("id").asText()))));

        assertThat(answer.path(set.field())).containsExactly(first);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyRowHasItsOwnRowIdThatStaysWithTheRow(SetKind set) {
        JsonNode lead = newLead();

        JsonNode one = applied(update(lead, set.parameter(), List.of(set.add(set.first()))));
        JsonNode two = applied(update(one, set.parameter(), List.of(set.add(set.second()))));
        JsonNode later = applied(update(two, "description", "a later change"));

        List<String> ids = rowIds(two.path(set.field()));
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches(ROW_ID));
        assertThat(ids.get(0)).isEqualTo(one.path(set.field()).get(0).path("id").asText());
        assertThat(later.path(set.field())).isEqualTo(two.path(set.field()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void addingAMemberThatIsAlreadyInTheSetChangesNothing(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        JsonNode answer = applied(update(lead, set.parameter(), List.of(set.add(set.first()))));

        assertThat(version(answer)).isEqualTo(version(lead));
        assertThat(answer).isEqualTo(lead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void addingOneMemberTwiceInOneCallMakesOneRow(SetKind set) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.add(set.first()), set.add("ADD", set.first()))));

        assertThat(labels(set, answer.path(set.field()))).containsExactly(set.first());
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void anEmptyListChangesNothing(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));

        JsonNode answer = applied(update(lead, set.parameter(), List.of()));

        assertThat(answer).isEqualTo(lead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void nullEmptiesTheSetWithOneChangePerRow(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));
        assertThat(lead.path(set.field())).hasSize(2);

        JsonNode answer = applied(update(lead, set.parameter(), null));

        assertThat(answer.path(set.field()).isArray()).as("%s after null: %s", set.field(), answer).isTrue();
        assertThat(answer.path(set.field())).isEmpty();
        assertThat(version(answer)).isEqualTo(version(lead) + 2);
        assertUnchangedBut(lead, answer, set.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void nullForAnEmptySetChangesNothing(SetKind set) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, set.parameter(), null));

        assertThat(answer).isEqualTo(lead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void entriesApplyInOrderSoAnAddThenARemoveOfOneMemberLeavesItOut(SetKind set) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.add(set.first()), set.remove(set.first()))));

        assertThat(answer.path(set.field())).isEmpty();
        assertThat(version(answer)).as("one added, one removed").isEqualTo(version(lead) + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void entriesApplyInOrderSoARemoveThenAnAddOfOneMemberMakesANewRow(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String oldRowId = lead.path(set.field()).get(0).path("id").asText();

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.remove(set.first()), set.add(set.first()))));

        assertThat(labels(set, answer.path(set.field()))).containsExactly(set.first());
        assertThat(answer.path(set.field()).get(0).path("id").asText()).matches(ROW_ID).isNotEqualTo(oldRowId);
        assertThat(version(answer)).isEqualTo(version(lead) + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void removingAMemberThatIsNotInTheSetIsNotFound400NamingTheEntryAndTheWholeCallChangesNothing(
            SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        refused(lead, update(lead, "description", "a valid change in the same call",
                        set.parameter(), List.of(set.add(set.second()), set.remove(set.third()))),
                "NOT_FOUND", 400, set.parameter() + "[1]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void removingARowIdTheSetDoesNotHaveIsNotFound400NamingTheEntry(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        refused(lead, update(lead, set.parameter(), List.of(set.removeRow("0123456789ABCDEF0123456789ABCDEF"))),
                "NOT_FOUND", 400, set.parameter() + "[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theIdOfARowIdentifierIsTheRowIdNotTheMembersId(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String memberId = lead.path(set.field()).get(0).path(set.memberField()).path("id").asText();
        assertThat(memberId).isNotEmpty().isNotEqualTo(lead.path(set.field()).get(0).path("id").asText());

        refused(lead, update(lead, set.parameter(), List.of(set.removeRow(memberId))),
                "NOT_FOUND", 400, set.parameter() + "[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void aRowIdOfAnotherLeadNamesNoRowOfThisOne(SetKind set) {
        JsonNode other = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String otherRowId = other.path(set.field()).get(0).path("id").asText();

        refused(lead, update(lead, set.parameter(), List.of(set.removeRow(otherRowId))),
                "NOT_FOUND", 400, set.parameter() + "[0]");
        assertThat(show(admin, other).ok().data()).isEqualTo(other);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void actionUpdateIsInvalidParameterSayingThatRowsHaveNothingToUpdate(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        Answer answer = refused(lead, update(lead, set.parameter(), List.of(set.add("update", set.first()))),
                "INVALID_PARAMETER", 400, set.parameter() + "[0].action");

        assertThat(message(answer)).containsIgnoringCase("nothing to update");
    }

    static Stream<Arguments> unknownActions() {
        List<Arguments> cases = new ArrayList<>();
        sets().forEach(set -> {
            for (String action : new String[]{"frobnicate", "delete", "", " add"}) {
                cases.add(arguments(set, action));
            }
            cases.add(arguments(set, null));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, action \"{1}\"")
    @MethodSource("unknownActions")
    void anActionOtherThanAddOrRemoveIsInvalidParameter(SetKind set, String action) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.add(set.first()), set.add(action, set.second()))),
                "INVALID_PARAMETER", 400, set.parameter() + "[1].action");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void anEntryWithoutActionIsInvalidParameter(SetKind set) {
        JsonNode lead = newLead();
        Map<String, Object> entry = new LinkedHashMap<>(set.add(set.first()));
        entry.remove("action");

        refused(lead, update(lead, set.parameter(), List.of(entry)),
                "INVALID_PARAMETER", 400, set.parameter() + "[0].action");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void aNullEntryInTheListIsInvalidParameterNamingTheEntry(SetKind set) {
        JsonNode lead = newLead();
        ArrayNode entries = json.createArrayNode();
        entries.add(json.valueToTree(set.add(set.first())));
        entries.addNull();

        refused(lead, update(lead, set.parameter(), entries), "INVALID_PARAMETER", 400, set.parameter() + "[1]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void anEntryThatIsNotAnObjectIsInvalidParameter(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.first())),
                "INVALID_PARAMETER", 400, set.parameter() + "[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void aSetThatIsNotAListIsInvalidParameter(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), set.add(set.first())), "INVALID_PARAMETER", 400, set.parameter());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void anUnknownMemberIsNotFound400NamingItsIdentifier(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.add("No Such Member"))),
                "NOT_FOUND", 400, set.memberPath(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void memberNamesMatchExactlyWithCase(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.add(set.first().toUpperCase()))),
                "NOT_FOUND", 400, set.memberPath(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void aMemberIdentifierWithTwoIdentifyingFieldsIsInvalidIdentifier(SetKind set) {
        JsonNode lead = newLead();
        Map<String, Object> identifier = Map.of(set.identifyingField(), set.first(), "id", "1");
        Map<String, Object> member = Map.of(set.memberKey(), identifier);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "add");
        entry.putAll(set.addInsideRow() ? Map.of(set.rowKey(), member) : member);

        refused(lead, update(lead, set.parameter(), List.of(entry)), "INVALID_IDENTIFIER", 400, set.memberPath(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void aRowIdentifierWithBothARowIdAndAMemberIsInvalidIdentifier(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String rowId = lead.path(set.field()).get(0).path("id").asText();
        Map<String, Object> rowIdentifier = Map.of("id", rowId,
                set.memberKey(), Map.of(set.identifyingField(), set.first()));

        refused(lead, update(lead, set.parameter(), List.of(Map.of("action", "remove", set.rowKey(), rowIdentifier))),
                "INVALID_IDENTIFIER", 400, set.parameter() + "[0]." + set.rowKey());
    }

    @Test
    void aRefusedEntryInOneSetRefusesTheOtherSetsFieldsAndStatusMoveOfTheSameCall() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 1"))));

        refused(lead, update(lead,
                        "status_identifier", Map.of("name", "Won"),
                        "competitors_set", List.of(COMPETITORS.add("Competitor 2"), COMPETITORS.remove("Competitor 1")),
                        "products_set", List.of(PRODUCTS.add("Add-ons")),
                        "users_set", List.of(USERS.remove("supervisor")),
                        "priority", 1),
                "NOT_FOUND", 400, "users_set[0]");
    }

    @Test
    void competitorRowsShowTheCatalogueCompetitorNamedByNameOrId() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "competitors_set", List.of(
                Map.of("action", "add", "competitor_identifier", Map.of("id", COMPETITOR_1_ID)),
                COMPETITORS.add("MagnaQuest"))));

        JsonNode rows = answer.path("competitors_set");
        assertThat(rows).hasSize(2);
        assertThat(fieldNames(rows.get(0))).containsExactlyInAnyOrder("id", "competitor");
        assertThat(rows.get(0).path("competitor")).isEqualTo(catalogueEntry("competitors", COMPETITOR_1_ID));
        assertThat(rows.get(0).path("competitor").path("website").asText()).isEqualTo("www.competitor1.com");
        assertThat(rows.get(1).path("competitor").path("name").asText()).isEqualTo("MagnaQuest");
        assertThat(rows.get(1).path("competitor").path("website").isNull()).isTrue();
    }

    @Test
    void aCompetitorAddedByIdIsRemovedByItsName() {
        JsonNode lead = newLead(Map.of("competitors_set",
                List.of(Map.of("action", "add", "competitor_identifier", Map.of("id", COMPETITOR_1_ID)))));

        JsonNode answer = applied(update(lead, "competitors_set", List.of(COMPETITORS.remove("Competitor 1"))));

        assertThat(answer.path("competitors_set")).isEmpty();
    }

    @Test
    void userRowsShowTheUserWithoutCredentialsNamedByUsernameOrId() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "users_set", List.of(
                USERS.add("supervisor"),
                Map.of("action", "add", "user_identifier", Map.of("id", MARIOS_ID)))));

        JsonNode rows = answer.path("users_set");
        assertThat(rows).hasSize(2);
        assertThat(fieldNames(rows.get(0))).containsExactlyInAnyOrder("id", "user");
        JsonNode user = rows.get(0).path("user");
        assertThat(fieldNames(user)).containsExactlyInAnyOrder("id", "username", "person_name", "email");
        assertThat(user.path("id").asText()).isEqualTo(SUPERVISOR_ID);
        assertThat(user.path("email").asText()).isEqualTo("super@visor.com");
        assertThat(rows.get(1).path("user").path("username").asText()).isEqualTo("mariosmtest");

        JsonNode removed = applied(update(answer, "users_set", List.of(
                Map.of("action", "remove", "lead_user_identifier", Map.of("user_identifier", Map.of("id", SUPERVISOR_ID))))));
        assertThat(labels(USERS, removed.path("users_set"))).containsExactly("mariosmtest");
    }

    // -------------------------------------------------------------------------------------------- products_set

    static Stream<Arguments> productKinds() {
        return Stream.of(
                arguments("product_identifier", Map.of("code", "123"), "product", "products",
                        "99E46901A95B4E31A60BBE67280F2522"),
                arguments("product_identifier", Map.of("alternative_code", "MM"), "product", "products",
                        "1C0C951B05964343B7FA38545E12CD48"),
                arguments("product_type_identifier", Map.of("alternative_code", "AO"), "product_type",
                        "product_types", "F2C55DDCB61C4BEBA137CA4FE1317175"),
                arguments("product_brand_identifier", Map.of("name", "Corso Shoes"), "product_brand",
                        "product_brands", "5A917782ACA648B3BEAF417D1E64C43F"),
                arguments("product_brand_identifier", Map.of("alternative_code", "ACU"), "product_brand",
                        "product_brands", "60DDC4DE416641C9B56D119A6F8FDF9B"),
                arguments("product_family_identifier", Map.of("code", "DS"), "product_family",
                        "product_families", "B2080CE50BE641F0A7A0F866F3DB7DF4"),
                arguments("product_family_identifier", Map.of("name", "Channels"), "product_family",
                        "product_families", "5432773B865246E3B10A47CD130183C7"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("productKinds")
    void eachProductKindLandsInItsOwnFieldOfTheRowAndTheOthersAreNull(
            String kind, Map<String, String> identifier, String field, String catalogueKind, String id) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "products_set",
                List.of(Map.of("action", "add", "lead_product_identifier", Map.of(kind, identifier)))));

        JsonNode row = answer.path("products_set").get(0);
        assertThat(answer.path("products_set")).hasSize(1);
        assertThat(fieldNames(row)).containsExactlyInAnyOrder(
                "id", "product", "product_type", "product_brand", "product_family");
        assertThat(row.path("id").asText()).matches(ROW_ID);
        assertThat(row.path(field)).isEqualTo(catalogueEntry(catalogueKind, id));
        for (String other : List.of("product", "product_type", "product_brand", "product_family")) {
            if (!other.equals(field)) {
                assertThat(row.get(other).isNull()).as("%s of a %s row: %s", other, field, row).isTrue();
            }
        }

        JsonNode removed = applied(update(answer, "products_set",
                List.of(Map.of("action", "remove", "lead_product_identifier", Map.of(kind, identifier)))));
        assertThat(removed.path("products_set")).isEmpty();
    }

    @Test
    void aProductEntryNamingTwoKindsIsInvalidIdentifier() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "products_set", List.of(Map.of("action", "add", "lead_product_identifier", Map.of(
                        "product_identifier", Map.of("code", "123"),
                        "product_type_identifier", Map.of("name", "Add-ons"))))),
                "INVALID_IDENTIFIER", 400, "products_set[0].lead_product_identifier");
    }

    static Stream<Arguments> productEntriesNamingNoKind() {
        return Stream.of(
                arguments(Map.of("action", "add", "lead_product_identifier", Map.of()), "an empty identifier"),
                arguments(Map.of("action", "add"), "no lead_product_identifier"),
                arguments(Map.of("action", "add", "lead_product_identifier",
                        Map.of("product_category_identifier", Map.of("name", "Add-ons"))), "an unknown kind"),
                arguments(Map.of("action", "add", "lead_product_identifier", Map.of("id", "0123456789ABCDEF0123456789ABCDEF")),
                        "a row id on an add"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("productEntriesNamingNoKind")
    void aProductEntryNamingNoKnownKindIsInvalidIdentifier(Map<String, Object> entry, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "products_set", List.of(entry)),
                "INVALID_IDENTIFIER", 400, "products_set[0].lead_product_identifier");
    }

    @Test
    void aProductAndAProductTypeAreDifferentMembersEvenForTheSameThing() {
        // The default catalogue has no product whose code is a product type's name, so the closest case: the
        // subscription package "Local + Documentaries + Sport" as a product, and the type "Subscription Packages".
        JsonNode lead = newLead();
        Map<String, Object> product = Map.of("action", "add", "lead_product_identifier",
                Map.of("product_identifier", Map.of("code", "Local + Documentaries + Sport")));

        JsonNode both = applied(update(lead, "products_set", List.of(PRODUCTS.add("Subscription Packages"), product)));

        assertThat(both.path("products_set")).hasSize(2);
        assertThat(both.path("products_set").get(0).path("product_type").path("name").asText())
                .isEqualTo("Subscription Packages");
        assertThat(both.path("products_set").get(1).path("product").path("code").asText())
                .isEqualTo("Local + Documentaries + Sport");

        JsonNode typeRemoved = applied(update(both, "products_set", List.of(PRODUCTS.remove("Subscription Packages"))));
        assertThat(typeRemoved.path("products_set")).containsExactly(both.path("products_set").get(1));
    }

    @Test
    void removingAMemberUnderAnotherKindThanItWasAddedAsIsNotFound400() {
        // the lead has the product type Subscription Packages, not the product Local + Documentaries + Sport
        JsonNode lead = newLead(Map.of("products_set", List.of(PRODUCTS.add("Subscription Packages"))));

        refused(lead, update(lead, "products_set", List.of(Map.of("action", "remove", "lead_product_identifier",
                        Map.of("product_identifier", Map.of("code", "Local + Documentaries + Sport"))))),
                "NOT_FOUND", 400, "products_set[0]");
    }

    @Test
    void productsSetAndItsSynonymLeadProductsSetInOneCallIsInvalidParameter() {
        JsonNode lead = newLead();

        Answer answer = refused(lead, update(lead, "products_set", List.of(PRODUCTS.add("Add-ons")),
                "lead_products_set", List.of(LEAD_PRODUCTS.add("Additional Services"))), "INVALID_PARAMETER", 400, null);

        assertThat(answer.description()).isIn("products_set", "lead_products_set");
    }

    @Test
    void aProductAddedWithProductsSetIsRemovedWithLeadProductsSet() {
        JsonNode lead = newLead(Map.of("products_set", List.of(PRODUCTS.add("Add-ons"))));

        JsonNode answer = applied(update(lead, "lead_products_set", List.of(LEAD_PRODUCTS.remove("Add-ons"))));

        assertThat(answer.path("products_set")).isEmpty();
    }

    // ------------------------------------------------------------ deprecated services, physical goods, packages

    static Stream<Arguments> deprecatedSets() {
        return Stream.of(
                arguments("services_set", "MAD MAX", "1C0C951B05964343B7FA38545E12CD48"),
                arguments("physical_goods_set", "SMART CARD", "E1AC7547A6BF4C55A23599E64825D3FF"),
                arguments("subscription_packages", "Local + Documentaries + Sport", "3FACF409E7E091F96C52318BAD1AEF1C"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("deprecatedSets")
    void aDeprecatedProductSetAddsAndRemovesProductsOfItsClassificationInProductsSet(
            String parameter, String code, String id) {
        JsonNode lead = newLead();

        JsonNode added = applied(update(lead, parameter,
                List.of(Map.of("action", "ADD", "product_identifier", Map.of("code", code)))));

        JsonNode rows = added.path("products_set");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("id").asText()).matches(ROW_ID);
        assertThat(rows.get(0).path("product")).isEqualTo(catalogueEntry("products", id));
        assertThat(rows.get(0).path("product_type").isNull()).isTrue();
        assertThat(version(added)).isEqualTo(version(lead) + 1);

        JsonNode removed = applied(update(added, parameter,
                List.of(Map.of("action", "remove", "product_identifier", Map.of("id", id)))));
        assertThat(removed.path("products_set")).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("deprecatedSets")
    void aProductInProductsSetIsTheSameMemberForTheDeprecatedSetOfItsClassification(
            String parameter, String code, String id) {
        JsonNode lead = newLead(Map.of("products_set", List.of(Map.of("action", "add", "lead_product_identifier",
                Map.of("product_identifier", Map.of("code", code))))));

        JsonNode again = applied(update(lead, parameter,
                List.of(Map.of("action", "add", "product_identifier", Map.of("code", code)))));
        assertThat(again).as("adding it again through %s", parameter).isEqualTo(lead);

        JsonNode removed = applied(update(lead, parameter,
                List.of(Map.of("action", "remove", "product_identifier", Map.of("code", code)))));
        assertThat(removed.path("products_set")).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}, a {2}")
    @CsvSource({
            "services_set, 123, physical good",
            "services_set, Local + Documentaries + Sport, subscription package",
            "physical_goods_set, MAD MAX, service",
            "physical_goods_set, Local + Documentaries + Sport, subscription package",
            "subscription_packages, SMART CARD, physical good",
            "subscription_packages, MAD MAX, service"})
    void aProductOfAnotherClassificationIsInvalidParameter(String parameter, String code, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, List.of(Map.of("action", "add", "product_identifier", Map.of("code", code)))),
                "INVALID_PARAMETER", 400, parameter + "[0].product_identifier");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deprecatedSets")
    void aDeprecatedSetRefusesUnknownProductsAbsentMembersAndActionUpdate(
            String parameter, String code, String id) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, List.of(Map.of("action", "add", "product_identifier", Map.of("code", "NOPE")))),
                "NOT_FOUND", 400, parameter + "[0].product_identifier");
        refused(lead, update(lead, parameter, List.of(Map.of("action", "remove", "product_identifier", Map.of("code", code)))),
                "NOT_FOUND", 400, parameter + "[0]");
        Answer update = refused(lead, update(lead, parameter, List.of(Map.of("action", "update", "product_identifier",
                        Map.of("code", code)))), "INVALID_PARAMETER", 400, parameter + "[0].action");
        assertThat(message(update)).containsIgnoringCase("nothing to update");
        refused(lead, update(lead, parameter, List.of(Map.of("action", "frobnicate", "product_identifier",
                        Map.of("code", code)))), "INVALID_PARAMETER", 400, parameter + "[0].action");
    }

    @Test
    void aRemovalThroughADeprecatedSetThatIsNotInProductsSetRefusesTheWholeCall() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 1"))));

        refused(lead, update(lead, "competitors_set", List.of(COMPETITORS.remove("Competitor 1")),
                        "services_set", List.of(Map.of("action", "remove", "product_identifier", Map.of("code", "MAD MAX")))),
                "NOT_FOUND", 400, "services_set[0]");
    }

    // ============================================================================== references by identifier

    static Stream<Arguments> references() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("name", "CSR Group"), "groups", CSR_GROUP_ID),
                arguments("owned_by_group_identifier", Map.of("alternative_code", "MG"), "groups", MAIN_GROUP_ID),
                arguments("owned_by_group_identifier", Map.of("id", CSR_GROUP_ID), "groups", CSR_GROUP_ID),
                arguments("privacy_level_identifier", Map.of("number", "2"), "privacy_levels", GROUP_PRIVACY_ID),
                arguments("privacy_level_identifier", Map.of("name", "Private"), "privacy_levels", PRIVATE_PRIVACY_ID),
                arguments("privacy_level_identifier", Map.of("id", PUBLIC_PRIVACY_ID), "privacy_levels", PUBLIC_PRIVACY_ID),
                arguments("subscription_package_identifier", Map.of("name", "Simple Package"), "subscription_packages",
                        SIMPLE_PACKAGE_ID),
                arguments("subscription_package_identifier", Map.of("alternative_code", "SP"), "subscription_packages",
                        SIMPLE_PACKAGE_ID),
                arguments("subscription_package_identifier", Map.of("id", SIMPLE_PACKAGE_ID), "subscription_packages",
                        SIMPLE_PACKAGE_ID),
                arguments("lead_owner", Map.of("username", "mariosmtest"), "users", MARIOS_ID),
                arguments("lead_owner", Map.of("id", SUPERVISOR_ID), "users", SUPERVISOR_ID));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("references")
    void aReferenceParameterIsStoredAndReturnedAsTheCatalogueObject(
            String parameter, Map<String, String> identifier, String catalogueKind, String id) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, parameter, identifier));

        assertThat(answer.path(field(parameter))).isEqualTo(catalogueEntry(catalogueKind, id));
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, field(parameter));
    }

    @Test
    void leadOwnerIsAUserObjectWithoutCredentials() {
        JsonNode lead = newLead();

        JsonNode owner = applied(update(lead, "lead_owner", Map.of("username", "supervisor"))).path("lead_owner");

        assertThat(fieldNames(owner)).containsExactlyInAnyOrder("id", "username", "person_name", "email");
        assertThat(owner.path("id").asText()).isEqualTo(SUPERVISOR_ID);
        assertThat(owner.path("person_name").asText()).isEqualTo("supervisor");
        assertThat(owner.path("email").asText()).isEqualTo("super@visor.com");
    }

    static Stream<Arguments> setReferences() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("name", "CSR Group")),
                arguments("privacy_level_identifier", Map.of("number", "3")),
                arguments("subscription_package_identifier", Map.of("name", "Simple Package")),
                arguments("lead_owner", Map.of("username", "mariosmtest")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setReferences")
    void nullClearsAReferenceParameter(String parameter, Map<String, String> initial) {
        JsonNode lead = newLead(Map.of(parameter, initial));
        assertThat(lead.path(field(parameter)).isObject()).as("%s at create: %s", parameter, lead).isTrue();

        JsonNode answer = applied(update(lead, parameter, null));

        assertThat(answer.get(field(parameter))).isNotNull();
        assertThat(answer.get(field(parameter)).isNull()).as("%s after null", parameter).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, field(parameter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setReferences")
    void aReferenceThatNamesTheCurrentEntityInAnotherWayIsNotAChange(
            String parameter, Map<String, String> initial) {
        JsonNode lead = newLead(Map.of(parameter, initial));
        String id = lead.path(field(parameter)).path("id").asText();

        JsonNode answer = applied(update(lead, parameter, Map.of("id", id)));

        assertThat(answer).isEqualTo(lead);
    }

    static Stream<Arguments> unknownReferences() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("name", "Nobody's Group")),
                arguments("owned_by_group_identifier", Map.of("name", "csr group")),
                arguments("privacy_level_identifier", Map.of("number", "9")),
                arguments("subscription_package_identifier", Map.of("name", "Gold Package")),
                arguments("lead_owner", Map.of("username", "nobody")),
                arguments("lead_owner", Map.of("username", "SUPERVISOR")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownReferences")
    void aReferenceThatNamesNothingIsNotFound400NamingTheParameter(
            String parameter, Map<String, String> identifier) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, identifier, "description", "valid"), "NOT_FOUND", 400, parameter);
    }

    static Stream<Arguments> malformedReferences() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("code", "MG")),
                arguments("owned_by_group_identifier", Map.of("name", "Main Group", "alternative_code", "MG")),
                arguments("privacy_level_identifier", Map.of("alternative_code", "1")),
                arguments("subscription_package_identifier", Map.of("code", "SP")),
                arguments("lead_owner", Map.of("person_name", "CRM COM")),
                arguments("lead_owner", Map.of("username", "supervisor", "id", SUPERVISOR_ID)),
                arguments("lead_owner", Map.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedReferences")
    void aReferenceWithoutExactlyOneIdentifyingFieldIsInvalidIdentifier(
            String parameter, Map<String, String> identifier) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, identifier), "INVALID_IDENTIFIER", 400, parameter);
    }

    // ------------------------------------------------------------------------------------------------ assigned_to

    @Test
    void assignedToAUnitAndOneOfItsUsersReturnsBothObjects() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "assigned_to",
                Map.of("unit_identifier", Map.of("name", "Sales Unit"), "user_identifier", Map.of("username", "supervisor"))));

        JsonNode assigned = answer.path("assigned_to");
        assertThat(assigned.path("unit")).isEqualTo(catalogueEntry("units", SALES_UNIT_ID));
        assertThat(assigned.path("user")).isEqualTo(catalogueEntry("users", SUPERVISOR_ID));
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "assigned_to");
    }

    @Test
    void assignedToIdentifiesUnitAndUserByAnyOfTheirIdentifyingFields() {
        JsonNode lead = newLead();

        JsonNode assigned = applied(update(lead, "assigned_to", Map.of("unit_identifier",
                Map.of("alternative_code", "adminunit"), "user_identifier", Map.of("id", MARIOS_ID)))).path("assigned_to");

        assertThat(assigned.path("unit").path("id").asText()).isEqualTo(ADMIN_UNIT_ID);
        assertThat(assigned.path("user").path("username").asText()).isEqualTo("mariosmtest");
    }

    @Test
    void assignedToAUnitAloneIsFineAndHasNoUser() {
        JsonNode lead = newLead();

        JsonNode assigned = applied(update(lead, "assigned_to", Map.of("unit_identifier", Map.of("name", "Sales Unit"))))
                .path("assigned_to");

        assertThat(assigned.path("unit").path("id").asText()).isEqualTo(SALES_UNIT_ID);
        assertThat(assigned.path("user").isMissingNode() || assigned.path("user").isNull())
                .as("user of %s", assigned).isTrue();
    }

    @Test
    void nullClearsAssignedTo() {
        JsonNode lead = newLead(Map.of("assigned_to", Map.of("unit_identifier", Map.of("name", "Admin Unit"),
                "user_identifier", Map.of("username", "mariosmtest"))));
        assertThat(lead.path("assigned_to").isObject()).isTrue();

        JsonNode answer = applied(update(lead, "assigned_to", null));

        assertThat(answer.get("assigned_to").isNull()).as("assigned_to: %s", answer.get("assigned_to")).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    static Stream<Arguments> badAssignments() {
        Map<String, Object> nullUnit = new LinkedHashMap<>();
        nullUnit.put("unit_identifier", null);
        nullUnit.put("user_identifier", Map.of("username", "supervisor"));
        return Stream.of(
                arguments("a user who does not belong to the unit",
                        Map.of("unit_identifier", Map.of("name", "Sales Unit"), "user_identifier", Map.of("username", "mariosmtest")),
                        "INVALID_PARAMETER", "assigned_to.user_identifier"),
                arguments("the administrator in the Sales Unit",
                        Map.of("unit_identifier", Map.of("id", SALES_UNIT_ID), "user_identifier", Map.of("id", ADMIN_ID)),
                        "INVALID_PARAMETER", "assigned_to.user_identifier"),
                arguments("no unit_identifier", Map.of("user_identifier", Map.of("username", "supervisor")),
                        "INVALID_PARAMETER", "assigned_to.unit_identifier"),
                arguments("unit_identifier null", nullUnit, "INVALID_PARAMETER", "assigned_to.unit_identifier"),
                arguments("an unknown unit", Map.of("unit_identifier", Map.of("name", "Nowhere Unit")),
                        "NOT_FOUND", "assigned_to.unit_identifier"),
                arguments("an unknown user", Map.of("unit_identifier", Map.of("name", "Sales Unit"),
                        "user_identifier", Map.of("username", "nobody")), "NOT_FOUND", "assigned_to.user_identifier"),
                arguments("a unit identifier with two fields", Map.of("unit_identifier",
                        Map.of("name", "Sales Unit", "id", SALES_UNIT_ID)), "INVALID_IDENTIFIER", "assigned_to.unit_identifier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAssignments")
    void aBadAssignedToIsRefusedNamingItsPartAndChangesNothing(
            String label, Map<String, Object> assignedTo, String code, String description) {
        JsonNode lead = newLead(Map.of("assigned_to", Map.of("unit_identifier", Map.of("name", "Admin Unit"))));

        refused(lead, update(lead, "assigned_to", assignedTo, "description", "valid"), code, 400, description);
    }

    // ---------------------------------------------------------------------------------------------------- source

    static Stream<Map<String, String>> communicationIdentifiers() {
        return Stream.of(Map.of("number", "204"), Map.of("id", COMMUNICATION_204_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("communicationIdentifiers")
    void aCommunicationsSourceReturnsTheCommunicationWithItsNumberAndContact(Map<String, String> identifier) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "source",
                Map.of("type", "COMMUNICATIONS", "communication_identifier", identifier)));

        JsonNode source = answer.path("lead_source");
        assertThat(source.path("type").asText()).isEqualTo("COMMUNICATIONS");
        assertThat(source.path("name").isMissingNode() || source.path("name").isNull()).as("name of %s", source).isTrue();
        JsonNode communication = source.path("communication");
        assertThat(communication.path("id").asText()).isEqualTo(COMMUNICATION_204_ID);
        assertThat(communication.path("number").asText()).isEqualTo("204");
        assertThat(communication.path("contact_information").path("id").asText()).isEqualTo(LIONEL_MESSI_ID);
        assertThat(communication.path("contact_information").path("name").asText()).isEqualTo("Lionel Messi");
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "lead_source");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CUSTOM1", "CUSTOM2", "CUSTOM3"})
    void aCustomSourceReturnsItsTypeAndName(String type) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "source", Map.of("type", type, "name", "Trade fair")));

        JsonNode source = answer.path("lead_source");
        assertThat(source.path("type").asText()).isEqualTo(type);
        assertThat(source.path("name").asText()).isEqualTo("Trade fair");
        JsonNode communication = source.path("communication");
        assertThat(communication.isMissingNode() || communication.isNull()).as("communication of %s", source).isTrue();
    }

    @Test
    void nullClearsTheSource() {
        JsonNode lead = newLead(Map.of("source", Map.of("type", "CUSTOM2", "name", "test")));
        assertThat(lead.path("lead_source").path("name").asText()).isEqualTo("test");

        JsonNode answer = applied(update(lead, "source", null));

        assertThat(answer.get("lead_source").isNull()).as("lead_source: %s", answer.get("lead_source")).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    static Stream<Arguments> badSources() {
        Map<String, Object> nullIdentifier = new LinkedHashMap<>();
        nullIdentifier.put("type", "COMMUNICATIONS");
        nullIdentifier.put("communication_identifier", null);
        return Stream.of(
                arguments("COMMUNICATIONS with a name", Map.of("type", "COMMUNICATIONS",
                        "communication_identifier", Map.of("number", "204"), "name", "a name"), "INVALID_PARAMETER", null),
                arguments("COMMUNICATIONS without a communication", Map.of("type", "COMMUNICATIONS"),
                        "INVALID_PARAMETER", null),
                arguments("COMMUNICATIONS with communication_identifier null", nullIdentifier, "INVALID_PARAMETER", null),
                arguments("COMMUNICATIONS with a name only", Map.of("type", "COMMUNICATIONS", "name", "a name"),
                        "INVALID_PARAMETER", null),
                arguments("CUSTOM2 without a name", Map.of("type", "CUSTOM2"), "INVALID_PARAMETER", "source.name"),
                arguments("CUSTOM1 with a blank name", Map.of("type", "CUSTOM1", "name", "  "), "INVALID_PARAMETER",
                        "source.name"),
                arguments("CUSTOM3 with a communication", Map.of("type", "CUSTOM3", "name", "x",
                        "communication_identifier", Map.of("number", "204")), "INVALID_PARAMETER", null),
                arguments("CUSTOM1 with a name of 256 characters", Map.of("type", "CUSTOM1", "name", "n".repeat(256)),
                        "INVALID_PARAMETER", "source.name"),
                arguments("type EMAIL", Map.of("type", "EMAIL", "name", "x"), "INVALID_PARAMETER", "source.type"),
                arguments("no type", Map.of("name", "x"), "INVALID_PARAMETER", "source.type"),
                arguments("an unknown communication", Map.of("type", "COMMUNICATIONS",
                        "communication_identifier", Map.of("number", "999")), "NOT_FOUND", "source.communication_identifier"),
                arguments("a communication identifier with two fields", Map.of("type", "COMMUNICATIONS",
                        "communication_identifier", Map.of("number", "204", "id", COMMUNICATION_204_ID)),
                        "INVALID_IDENTIFIER", "source.communication_identifier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSources")
    void aBadSourceIsRefusedAndChangesNothing(String label, Map<String, Object> source, String code,
                                                     String description) {
        JsonNode lead = newLead(Map.of("source", Map.of("type", "CUSTOM1", "name", "before")));

        Answer answer = refused(lead, update(lead, "source", source, "priority", 1), code, 400, description);

        assertThat(answer.description()).startsWith("source");
    }

    // ======================================================================================= completion periods

    static Stream<Arguments> estimates() {
        return Stream.of(
                arguments(2, "WEEKS", "2024-01-15T00:00:00"),
                arguments(5, "DAYS", "2024-01-06T00:00:00"),
                arguments(3, "MONTHS", "2024-04-01T00:00:00"),
                arguments(1, "YEARS", "2025-01-01T00:00:00"),
                arguments(36, "HOURS", "2024-01-02T12:00:00"),
                arguments(90, "MINUTES", "2024-01-01T01:30:00"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("estimates")
    void estimatedCompletionTimeGivesExpectedCompletionDateAsStartDatePlusThePeriod(
            int value, String unit, String expected) {
        JsonNode lead = newLead(Map.of("start_date", "2024-01-01T00:00:00"));

        JsonNode answer = applied(update(lead, "estimated_completion_time", period(value, unit)));

        assertThat(answer.path("expected_completion_date").asText()).isEqualTo(expected);
        assertPeriod(answer.path("estimated_completion_time"), value, unit);
        assertThat(answer.path("start_date").asText()).isEqualTo("2024-01-01T00:00:00");
    }

    @Test
    void startDateAndEstimatedCompletionTimeInOneCallCountFromTheNewStart() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "start_date", "2024-03-10T09:30:00",
                "estimated_completion_time", period(2, "WEEKS")));

        assertThat(answer.path("expected_completion_date").asText()).isEqualTo("2024-03-24T09:30:00");
        assertPeriod(answer.path("estimated_completion_time"), 2, "WEEKS");
    }

    static Stream<Arguments> expectedDates() {
        return Stream.of(
                arguments("2025-01-01T00:00:00", 1, "YEARS"),
                arguments("2026-01-01", 2, "YEARS"),
                arguments("2024-03-01T00:00:00", 2, "MONTHS"),
                arguments("2024-01-22T00:00:00", 3, "WEEKS"),
                arguments("2024-01-11T00:00:00", 10, "DAYS"),
                arguments("2024-02-29T00:00:00", 59, "DAYS"),
                arguments("2024-01-02T06:00:00", 30, "HOURS"),
                arguments("2024-01-01T00:45:00", 45, "MINUTES"));
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @MethodSource("expectedDates")
    void expectedCompletionDateGivesEstimatedCompletionTimeInTheLargestWholeUnit(
            String expected, int value, String unit) {
        JsonNode lead = newLead(Map.of("start_date", "2024-01-01T00:00:00"));

        JsonNode answer = applied(update(lead, "expected_completion_date", expected));

        assertPeriod(answer.path("estimated_completion_time"), value, unit);
        assertThat(LocalDateTime.parse(answer.path("expected_completion_date").asText()))
                .isEqualTo(expected.length() == 10 ? expected + "T00:00:00" : expected);
    }

    static Stream<Arguments> estimatesAndTheirDates() {
        return Stream.of(
                arguments("2024-01-01T00:00:00", 1, "MONTHS", "2024-02-01T00:00:00"),
                arguments("2024-01-01T00:00:00", 3, "WEEKS", "2024-01-22T00:00:00"),
                arguments("2024-01-31T00:00:00", 1, "MONTHS", "2024-02-29T00:00:00"),
                arguments("2024-02-29T00:00:00", 1, "YEARS", "2025-02-28T00:00:00"));
    }

    @ParameterizedTest(name = "start {0}, estimated {1} {2}, expected {3}")
    @MethodSource("estimatesAndTheirDates")
    void settingExpectedCompletionDateToItsCurrentValueIsNotAChange(
            String start, int value, String unit, String expected) {
        JsonNode lead = newLead(Map.of("start_date", start, "estimated_completion_time", period(value, unit)));
        assertThat(lead.path("expected_completion_date").asText()).isEqualTo(expected);

        JsonNode answer = applied(update(lead, "expected_completion_date", expected));

        assertPeriod(answer.path("estimated_completion_time"), value, unit);
        assertThat(version(answer)).as("version: no event for a value equal to the current one").isEqualTo(version(lead));
        assertThat(answer).isEqualTo(lead);
    }

    @Test
    void anExpectedCompletionDateEqualToTheStartDateIsAccepted() {
        JsonNode lead = newLead(Map.of("start_date", "2024-01-01T00:00:00"));

        JsonNode answer = applied(update(lead, "expected_completion_date", "2024-01-01T00:00:00"));

        assertThat(answer.path("expected_completion_date").asText()).isEqualTo("2024-01-01T00:00:00");
    }

    @Test
    void expectedCompletionDateAndEstimatedCompletionTimeInOneCallIsInvalidParameter() {
        JsonNode lead = pastLead();

        Answer answer = refused(lead, update(lead, "expected_completion_date", "2024-06-01T00:00:00",
                "estimated_completion_time", period(1, "MONTHS")), "INVALID_PARAMETER", 400, null);

        assertThat(answer.description()).isIn("expected_completion_date", "estimated_completion_time");
    }

    @Test
    void anExpectedCompletionDateBeforeTheStartDateIsInvalidParameter() {
        JsonNode lead = pastLead();

        refused(lead, update(lead, "expected_completion_date", "2017-12-31T23:59:59", "description", "valid"),
                "INVALID_PARAMETER", 400, "expected_completion_date");
    }

    @Test
    void anExpectedCompletionDateBeforeAStartDateOfTheSameCallIsInvalidParameter() {
        JsonNode lead = newLead();

        Answer answer = refused(lead, update(lead, "start_date", "2024-05-01T00:00:00",
                "expected_completion_date", "2024-04-30T00:00:00"), "INVALID_PARAMETER", 400, null);

        assertThat(answer.description()).isIn("expected_completion_date", "start_date");
    }

    static Stream<Arguments> badPeriods() {
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("time_period_value", null);
        nullValue.put("time_period_uot", "DAYS");
        return Stream.of(
                arguments("value 0", period(0, "DAYS"), "estimated_completion_time.time_period_value"),
                arguments("value -1", period(-1, "WEEKS"), "estimated_completion_time.time_period_value"),
                arguments("value 2.5", Map.of("time_period_value", 2.5, "time_period_uot", "DAYS"),
                        "estimated_completion_time.time_period_value"),
                arguments("value null", nullValue, "estimated_completion_time.time_period_value"),
                arguments("unit DECADES", period(2, "DECADES"), "estimated_completion_time.time_period_uot"),
                arguments("no unit", Map.of("time_period_value", 2), "estimated_completion_time.time_period_uot"),
                arguments("not an object", "2 WEEKS", "estimated_completion_time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPeriods")
    void aBadEstimatedCompletionTimeIsInvalidParameter(String label, Object period, String description) {
        JsonNode lead = pastLead();

        refused(lead, update(lead, "estimated_completion_time", period), "INVALID_PARAMETER", 400, description);
    }

    @Test
    void estimatedCompletionTimeWithoutAStartDateIsInvalidParameter() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "estimated_completion_time", period(2, "WEEKS"), "description", "valid"),
                "INVALID_PARAMETER", 400, "estimated_completion_time");
    }

    static Stream<Arguments> timesLeft() {
        // the start is now, to the second, so a moment of the period has passed by the time the lead is shown
        return Stream.of(
                arguments(3, "DAYS", 2, "DAYS"),
                arguments(1, "DAYS", 23, "HOURS"),
                arguments(2, "WEEKS", 1, "WEEKS"),
                arguments(2, "MONTHS", 1, "MONTHS"),
                arguments(2, "YEARS", 1, "YEARS"),
                arguments(5, "HOURS", 4, "HOURS"),
                arguments(30, "MINUTES", 29, "MINUTES"));
    }

    @ParameterizedTest(name = "estimated {0} {1} from now leaves {2} {3}")
    @MethodSource("timesLeft")
    void timeToCompletionIsTheTimeLeftInTheLargestWholeUnitAndTimeOverdueIsNull(
            int value, String unit, int left, String leftUnit) {
        String now = written(nowUtc());

        JsonNode lead = newLead(Map.of("start_date", now, "estimated_completion_time", period(value, unit)));

        assertPeriod(lead.path("time_to_completion"), left, leftUnit);
        assertNoPeriod(lead.path("time_overdue"));
        JsonNode shown = show(admin, lead).ok().data();
        assertPeriod(shown.path("time_to_completion"), left, leftUnit);
        assertNoPeriod(shown.path("time_overdue"));
    }

    @Test
    void timeOverdueIsTheTimePastTheExpectedDateInTheLargestWholeUnitAndTimeToCompletionIsNull() {
        JsonNode lead = pastLead();
        assertThat(lead.path("expected_completion_date").asText()).isEqualTo("2018-02-01T00:00:00");

        long years = ChronoUnit.YEARS.between(LocalDateTime.parse("2018-02-01T00:00:00"), nowUtc());
        assertPeriod(lead.path("time_overdue"), years, "YEARS");
        assertNoPeriod(lead.path("time_to_completion"));
        assertPeriod(show(admin, lead).ok().data().path("time_overdue"), years, "YEARS");
    }

    @Test
    void timeOverdueOfALeadAFewDaysLateIsInDays() {
        LocalDateTime start = nowUtc().minusDays(13).truncatedTo(ChronoUnit.SECONDS);

        JsonNode lead = newLead(Map.of("start_date", written(start), "estimated_completion_time", period(10, "DAYS")));

        assertPeriod(lead.path("time_overdue"), 3, "DAYS");
        assertNoPeriod(lead.path("time_to_completion"));
    }

    static Stream<Arguments> closingMoves() {
        return Stream.of(
                arguments("Won", Map.of("status_identifier", Map.of("name", "Won"))),
                arguments("Lost", Map.of("status_identifier", Map.of("name", "Lost"),
                        "lost_reason_identifier", Map.of("name", "Price"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingMoves")
    void timeToCompletionAndTimeOverdueAreNullOnceTheLeadIsClosed(String status, Map<String, Object> move) {
        JsonNode late = pastLead();
        JsonNode early = newLead(Map.of("start_date", written(nowUtc()),
                "estimated_completion_time", period(3, "DAYS")));
        assertThat(late.path("time_overdue").path("time_period_value").isNull()).isFalse();
        assertThat(early.path("time_to_completion").path("time_period_value").isNull()).isFalse();

        for (JsonNode lead : List.of(late, early)) {
            ObjectNode request = updateOf(supervisor, lead);
            request.setAll((ObjectNode) json.valueToTree(move));
            JsonNode closed = applied(request);

            assertThat(closed.path("status").path("name").asText()).isEqualTo(status);
            assertNoPeriod(closed.path("time_to_completion"));
            assertNoPeriod(closed.path("time_overdue"));
            assertThat(closed.path("expected_completion_date")).isEqualTo(lead.path("expected_completion_date"));
        }
    }

    // =============================================================================================== fields_set

    @Test
    void fieldsSetOnUpdateAnswersOnlyTheNamedTopLevelFields() {
        JsonNode lead = newLead();

        JsonNode answer = post("/leads/update", update(lead, "description", "changed", "fields_set", "number,status,version"))
                .ok().data();

        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("number", "status", "version");
        assertThat(answer.path("number").asText()).isEqualTo(lead.path("number").asText());
        assertThat(answer.path("status").path("name").asText()).isEqualTo("New");
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        JsonNode shown = show(admin, lead).ok().data();
        assertThat(shown.path("description").asText()).as("the update was applied").isEqualTo("changed");
        assertThat(version(shown)).isEqualTo(version(answer));
    }

    @Test
    void fieldsSetOnShowAnswersOnlyTheNamedTopLevelFields() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 1"))));

        JsonNode shown = get("/leads/show", Map.of("token", admin, "lead_identifier", "number=" + lead.path("number").asText(),
                "fields_set", "id,competitors_set,log_information")).ok().data();

        assertThat(fieldNames(shown)).containsExactlyInAnyOrder("id", "competitors_set", "log_information");
        assertThat(shown.path("competitors_set")).isEqualTo(lead.path("competitors_set"));
        assertThat(shown.path("log_information")).isEqualTo(lead.path("log_information"));
    }

    @Test
    void fieldsSetOnCreateAnswersOnlyTheNamedTopLevelFields() {
        ObjectNode request = body(admin);
        request.set("contact_information_identifier", json.valueToTree(Map.of("name", "Filippos Constantinou")));
        request.set("type_identifier", json.valueToTree(Map.of("name", "New Customer")));
        request.set("status_identifier", json.valueToTree(Map.of("name", "New")));
        request.put("importance", "IMPORTANCE3").put("priority", 4).put("fields_set", "id,number");

        JsonNode answer = post("/leads/create", request).ok().data();

        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("id", "number");
        assertThat(show(admin, answer).ok().data().path("id")).isEqualTo(answer.path("id"));
    }

    static Stream<String> unknownFieldsSets() {
        return Stream.of("colour", "number,colour", "status.name", "Number", "number,,version", "udf_string_9");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("unknownFieldsSets")
    void fieldsSetNamingAnUnknownFieldIsInvalidParameterOnUpdateAndNothingChanges(String fieldsSet) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "fields_set", fieldsSet), "INVALID_PARAMETER", 400, "fields_set");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("unknownFieldsSets")
    void fieldsSetNamingAnUnknownFieldIsInvalidParameterOnShow(String fieldsSet) {
        JsonNode lead = newLead();

        Answer answer = get("/leads/show", Map.of("token", admin, "lead_identifier", "number=" + lead.path("number").asText(),
                "fields_set", fieldsSet)).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("fields_set");
    }

    // ================================================================================ billing_address_identifier

    static Stream<Map<String, String>> addressesOfTheContact() {
        return Stream.of(Map.of("TYPE", "HOME"), Map.of("type", "WORK"), Map.of("id", FILIPPOS_HOME_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressesOfTheContact")
    void withAMoveToWonAnAddressOfTheLeadsContactIsAccepted(Map<String, String> address) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "status_identifier", Map.of("name", "Won"),
                "billing_address_identifier", address));

        assertThat(answer.path("status").path("id").asText()).isEqualTo(WON_ID);
        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("WON");
    }

    static Stream<Arguments> addressesNotOfTheContact() {
        return Stream.of(
                arguments(Map.of("TYPE", "OFFICE"), "a type the contact has no address of"),
                arguments(Map.of("id", KOKOS_HOME_ID), "another contact's address"),
                arguments(Map.of("type", "home"), "a type in another letter case"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("addressesNotOfTheContact")
    void withAMoveToWonAnAddressThatIsNotOneOfTheContactsIsNotFound400(
            Map<String, String> address, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "status_identifier", Map.of("name", "Won"), "billing_address_identifier", address,
                "description", "valid"), "NOT_FOUND", 400, "billing_address_identifier");
    }

    static Stream<Arguments> movesThatIgnoreTheBillingAddress() {
        return Stream.of(
                arguments("no status move", Map.of()),
                arguments("the current status again", Map.of("status_identifier", Map.of("name", "New"))),
                arguments("a move to Qualified (PENDING)", Map.of("status_identifier", Map.of("name", "Qualified"))),
                arguments("a move to Lost", Map.of("status_identifier", Map.of("name", "Lost"),
                        "lost_reason_identifier", Map.of("name", "Price"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("movesThatIgnoreTheBillingAddress")
    void withoutAMoveToWonABillingAddressThatNamesNothingIsAcceptedAndIgnored(
            String label, Map<String, Object> move) {
        JsonNode lead = newLead();
        ObjectNode withAddress = updateOf(supervisor, lead);
        withAddress.setAll((ObjectNode) json.valueToTree(move));
        withAddress.set("billing_address_identifier", json.valueToTree(Map.of("TYPE", "OFFICE")));

        JsonNode answer = applied(withAddress);

        JsonNode other = newLead();
        ObjectNode without = updateOf(supervisor, other);
        without.setAll((ObjectNode) json.valueToTree(move));
        JsonNode expected = applied(without);
        assertThat(comparable(answer)).as("the same call without the address").isEqualTo(comparable(expected));
        if (move.isEmpty()) {
            assertThat(answer).isEqualTo(lead);
        }
    }

    @Test
    void aBillingAddressGivenAsNullIsAcceptedWithAMoveToWon() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "status_identifier", Map.of("name", "Won"), "billing_address_identifier", null));

        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("WON");
    }

    static Stream<Arguments> malformedAddresses() {
        return Stream.of(
                arguments(Map.of("TYPE", "HOME", "id", "x"), true),
                arguments(Map.of("TYPE", "HOME", "id", "x"), false),
                arguments(Map.of("street", "12 Makariou Avenue"), true),
                arguments(Map.of("street", "12 Makariou Avenue"), false),
                arguments(Map.of(), false));
    }

    @ParameterizedTest(name = "{0}, with a move to Won: {1}")
    @MethodSource("malformedAddresses")
    void aBillingAddressWithoutExactlyOneIdentifyingFieldIsInvalidIdentifier(
            Map<String, String> address, boolean toWon) {
        JsonNode lead = newLead();
        ObjectNode request = update(lead, "billing_address_identifier", address, "description", "valid");
        if (toWon) {
            request.set("status_identifier", json.valueToTree(Map.of("name", "Won")));
        }

        refused(lead, request, "INVALID_IDENTIFIER", 400, "billing_address_identifier");
    }

    // ========================================================================================= create with sets

    @Test
    void aLeadCreatedWithCompetitorsSetAddsGetsThoseRowsInOrder() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 2"),
                COMPETITORS.add("ADD", "MagnaQuest"))));

        assertThat(labels(COMPETITORS, lead.path("competitors_set"))).containsExactly("Competitor 2", "MagnaQuest");
        assertThat(rowIds(lead.path("competitors_set")))
                .hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches(ROW_ID));
        assertThat(show(admin, lead).ok().data()).isEqualTo(lead);
    }

    @Test
    void aLeadCreatedWithUsersAndProductsSetsGetsThoseRows() {
        JsonNode lead = newLead(Map.of(
                "users_set", List.of(USERS.add("supervisor")),
                "products_set", List.of(PRODUCTS.add("Add-ons"), Map.of("action", "add", "lead_product_identifier",
                        Map.of("product_brand_identifier", Map.of("name", "Corso Shoes")))),
                "services_set", List.of(Map.of("action", "add", "product_identifier", Map.of("code", "MAD MAX")))));

        assertThat(labels(USERS, lead.path("users_set"))).containsExactly("supervisor");
        JsonNode products = lead.path("products_set");
        assertThat(products).hasSize(3);
        assertThat(rowIds(products)).doesNotHaveDuplicates().allMatch(id -> id.matches(ROW_ID));
        assertThat(products.get(0).path("product_type").path("name").asText()).isEqualTo("Add-ons");
        assertThat(products.get(1).path("product_brand").path("name").asText()).isEqualTo("Corso Shoes");
        assertThat(products.get(2).path("product").path("code").asText()).isEqualTo("MAD MAX");
    }

    static Stream<Arguments> badCreateSets() {
        return Stream.of(
                arguments(List.of(COMPETITORS.remove("Competitor 1")), "NOT_FOUND", "competitors_set[0]"),
                arguments(List.of(COMPETITORS.add("update", "Competitor 1")), "INVALID_PARAMETER",
                        "competitors_set[0].action"),
                arguments(List.of(COMPETITORS.add("Competitor 1"), COMPETITORS.add("No Such Competitor")), "NOT_FOUND",
                        "competitors_set[1].competitor_identifier"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badCreateSets")
    void aCreateWithABadSetEntryIsRefused(List<Map<String, Object>> entries, String code, String description) {
        ObjectNode request = body(admin);
        request.set("contact_information_identifier", json.valueToTree(Map.of("name", "Filippos Constantinou")));
        request.set("type_identifier", json.valueToTree(Map.of("name", "New Customer")));
        request.set("status_identifier", json.valueToTree(Map.of("name", "New")));
        request.put("importance", "IMPORTANCE3").put("priority", 4);
        request.set("competitors_set", json.valueToTree(entries));

        Answer answer = post("/leads/create", request).fails(code, 400);

        assertThat(answer.description()).isEqualTo(description);
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private JsonNode newLead() {
        return createLead(admin, Map.of());
    }

    private JsonNode newLead(Map<String, Object> extra) {
        return createLead(admin, extra);
    }

    /** A lead that started on 2018-01-01 and was expected a month later: overdue by years, stable over a run. */
    private JsonNode pastLead() {
        return newLead(Map.of("start_date", "2018-01-01T00:00:00", "estimated_completion_time", period(1, "MONTHS")));
    }

    private static Map<String, Object> period(long value, String unit) {
        return Map.of("time_period_value", value, "time_period_uot", unit);
    }

    /** The catalogue's own object for an entity, as {@code GET /catalogue/<kind>} lists it. */
    private JsonNode catalogueEntry(String kind, String id) {
        for (JsonNode entry : get("/catalogue/" + kind, Map.of("token", admin)).ok().data()) {
            if (entry.path("id").asText().equals(id)) {
                return entry;
            }
        }
        return fail("no %s with id %s in the catalogue", kind, id);
    }

    /** The row ids of a set, one per row (not the ids of the members inside the rows). */
    private static List<String> rowIds(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.path("id").asText()).toList();
    }

    private static List<String> labels(SetKind set, JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(set::label).toList();
    }

    /** A lead without what differs between two leads made alike: identity, number, version, log and dates. */
    private static JsonNode comparable(JsonNode lead) {
        ObjectNode copy = lead.deepCopy();
        copy.remove(List.of("id", "number", "version", "log_information", "actual_completion_date"));
        return copy;
    }

    private static void assertPeriod(JsonNode period, long value, String unit) {
        assertThat(period.path("time_period_value").isIntegralNumber()).as("a whole value in %s", period).isTrue();
        assertThat(period.path("time_period_value").asLong()).as("value of %s", period).isEqualTo(value);
        assertThat(period.path("time_period_uot").asText()).as("unit of %s", period).isEqualTo(unit);
    }

    private static void assertNoPeriod(JsonNode period) {
        assertThat(period.isObject()).as("a period object: %s", period).isTrue();
        assertThat(period.get("time_period_value")).as("value of %s", period).isNotNull();
        assertThat(period.get("time_period_value").isNull()).as("value of %s", period).isTrue();
        assertThat(period.get("time_period_uot")).as("unit of %s", period).isNotNull();
        assertThat(period.get("time_period_uot").isNull()).as("unit of %s", period).isTrue();
    }

    private static String message(Answer answer) {
        return answer.body().path("status").path("message").asText();
    }
}
