package pacer.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

/** Test data: small CIB fragments and writes, and waiting on a future without a timing assertion. */
final class Cibs {
    private Cibs() {}

    static XmlElement xml(String text) { return XmlReader.parse(text, "test"); }

    static XmlElement primitive(String id) {
        return xml("<primitive id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>");
    }

    static CibOperation addPrimitive(String id) { return CibOperation.put("configuration/resources", primitive(id)); }

    static CibOperation clusterProperty(String name, String value) {
        return CibOperation.put("configuration/crm_config/cluster_property_set[cib-bootstrap-options]",
                xml("<nvpair id=\"cib-bootstrap-options-" + name + "\" name=\"" + name + "\" value=\"" + value + "\"/>"));
    }

    static CibOperation nodeStatus(String uname, String id) {
        return CibOperation.put("status", xml("<node_state id=\"" + id + "\" uname=\"" + uname + "\" in_ccm=\"true\"/>"));
    }

    static boolean hasPrimitive(pacer.cib.Cib cib, String id) { return cib.configuration().resource(id).isPresent(); }

    /** Waits for a result; the bound only keeps a broken test from hanging. */
    static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }
}
