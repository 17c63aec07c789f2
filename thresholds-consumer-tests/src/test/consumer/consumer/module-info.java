/** A consumer's own module: it needs only the SDK modules it names. */
module consumer {
  requires io.thresholds.jackson;
  requires io.thresholds.forms;
  requires org.hibernate.validator;

  exports consumer;
  // Hibernate Validator reads the constrained fields of the vendor's own class.
  opens consumer to org.hibernate.validator;
}
