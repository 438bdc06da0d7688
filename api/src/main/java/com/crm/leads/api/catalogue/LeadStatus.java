package com.crm.leads.api.catalogue;

import com.crm.leads.api.LifeCycleState;

public record LeadStatus(String id, String name, String alternativeCode, String description,
                         LifeCycleState lifeCycleState) implements CatalogueEntry {
}
