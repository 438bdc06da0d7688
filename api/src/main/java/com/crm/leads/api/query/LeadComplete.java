package com.crm.leads.api.query;

import com.crm.leads.api.Importance;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.catalogue.Category;
import com.crm.leads.api.catalogue.Competitor;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.catalogue.Group;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.LeadType;
import com.crm.leads.api.catalogue.LostReason;
import com.crm.leads.api.catalogue.PrivacyLevel;
import com.crm.leads.api.catalogue.Product;
import com.crm.leads.api.catalogue.ProductBrand;
import com.crm.leads.api.catalogue.ProductFamily;
import com.crm.leads.api.catalogue.ProductType;
import com.crm.leads.api.catalogue.SubscriptionPackage;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A lead as CRM.COM returns it: every field, null where unset, references rendered as the catalogue's objects.
 * {@code version} is the sequence number of the lead's latest event.
 */
public record LeadComplete(
        String id,
        String number,
        LifeCycleState lifeCycleState,
        LeadStatus status,
        LostReason lostReason,
        Category category,
        LeadType type,
        Importance importance,
        Long priority,
        BigDecimal probabilityToWin,
        BigDecimal targetAmount,
        String description,
        String contactEmail,
        String contactPhone,
        LocalDateTime startDate,
        LocalDateTime expectedCompletionDate,
        Instant actualCompletionDate,
        TimePeriod estimatedCompletionTime,
        TimePeriod timeToCompletion,
        TimePeriod timeOverdue,
        LeadSource leadSource,
        AssignedTo assignedTo,
        User leadOwner,
        Group ownedByGroup,
        PrivacyLevel privacyLevel,
        SubscriptionPackage subscriptionPackage,
        Contact contactInformation,
        AccountsReceivableView accountsReceivable,
        List<CompetitorRow> competitorsSet,
        List<UserRow> usersSet,
        List<ProductRow> productsSet,
        String udfString1, String udfString2, String udfString3, String udfString4,
        String udfString5, String udfString6, String udfString7, String udfString8,
        BigDecimal udfFloat1, BigDecimal udfFloat2, BigDecimal udfFloat3, BigDecimal udfFloat4,
        LocalDateTime udfDate1, LocalDateTime udfDate2, LocalDateTime udfDate3, LocalDateTime udfDate4,
        LogInformation logInformation,
        long version) {

    /** Where the lead came from: a communication, or a custom source with a name. */
    public record LeadSource(String type, CommunicationView communication, String name) {
    }

    public record CommunicationView(String id, String number, String lifeCycleState, Contact contactInformation) {
    }

    public record AssignedTo(Unit unit, User user) {
    }

    public record AccountsReceivableView(String id, String number, String name, String lifeCycleState,
                                         Contact accountOwner) {
    }

    public record CompetitorRow(String id, Competitor competitor) {
    }

    public record UserRow(String id, User user) {
    }

    public record ProductRow(String id, Product product, ProductType productType, ProductBrand productBrand,
                             ProductFamily productFamily) {
    }
}
