package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.ErrorCode;
import com.crm.leads.app.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * Lists the reference entities a lead can point to, so a client can find the identifiers to send; a contact's
 * identity data only to an administrator ({@link com.crm.leads.app.auth.PersonalData}).
 */
@RestController
class CatalogueController {

    private final StoredCatalogue catalogue;
    private final Tokens tokens;

    CatalogueController(StoredCatalogue catalogue, Tokens tokens) {
        this.catalogue = catalogue;
        this.tokens = tokens;
    }

    @GetMapping("/crmapi/rest/v2/catalogue/{kind}")
    Envelope<List<? extends CatalogueEntry>> list(@PathVariable String kind,
                                                  @RequestParam(required = false) String token,
                                                  HttpServletRequest request) {
        tokens.authenticate(token);
        QueryParameters.allowOnly(request, Set.of("token"));
        return Envelope.ok(catalogue.byKindName(kind).orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "kind", "the catalogue has no kind " + kind)));
    }
}
