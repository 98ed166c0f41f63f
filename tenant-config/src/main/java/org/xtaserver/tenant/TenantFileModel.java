package org.xtaserver.tenant;

import java.util.List;

/**
 * The tenant file as written in YAML, before validation: every field nullable so that missing
 * values become precise problems instead of parse failures. The documented schema is in the
 * module README; keep both in step.
 */
final class TenantFileModel {

    private TenantFileModel() {
    }

    record TenantFile(String id, String displayName, String municipalityKey, List<PostboxEntry> postboxes,
            List<ClientEntry> clients, RetentionEntry retention, OsciEntry osci) {
    }

    record PartyEntry(String type, String category, String name, String value) {
    }

    record PostboxEntry(PartyEntry identifier, List<ServiceEntry> services) {
    }

    record ServiceEntry(String service, List<ParameterEntry> parameters) {
    }

    record ParameterEntry(String type, String value) {
    }

    record ClientEntry(String name, List<CertificateEntry> certificates, List<PartyEntry> actAs) {
    }

    /** Exactly one of: {@code sha256}; {@code issuer} with {@code subject}; {@code file}. */
    record CertificateEntry(String sha256, String issuer, String subject, String file) {
    }

    record RetentionEntry(Integer closedMessageDays) {
    }

    record OsciEntry(String intermediaryUrl, String fetchInterval, String certificate, String privateKey,
            String intermediaryCertificate, String intermediarySignatureCertificate) {
    }
}
