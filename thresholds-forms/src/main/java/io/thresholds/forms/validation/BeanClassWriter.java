package io.thresholds.forms.validation;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the class file of a plain value holder: a public final class with one public, non-final
 * field per form field (no methods but a no-argument constructor). {@link CompiledForm} defines it
 * as a hidden class of this package, so that Hibernate Validator has a property to put each
 * field's constraints on. Class file version 61 (Java 17); the constructor has no branch, so no
 * stack map is needed.
 */
final class BeanClassWriter {
  /** One field of the class: its name, type descriptor and, for a {@code List}, generic signature. */
  record FieldSpec(String name, String descriptor, @Nullable String signature) {}

  private final List<byte[]> pool = new ArrayList<>();
  private final Map<String, Integer> indexes = new HashMap<>();

  private BeanClassWriter() {}

  /**
   * @param internalName the class name with slashes (the hidden class's name is derived from it)
   * @param superName the super class, with slashes; it has an accessible no-argument constructor
   * @param fields the fields, in order
   * @return the class file
   */
  static byte[] write(String internalName, String superName, List<FieldSpec> fields) {
    return new BeanClassWriter().bytes(internalName, superName, fields);
  }

  private byte[] bytes(String internalName, String superName, List<FieldSpec> fields) {
    int thisClass = classRef(internalName);
    int superClass = classRef(superName);
    int init = utf8("<init>");
    int voidDescriptor = utf8("()V");
    int superInit = entry("M" + superName, 10, superClass, entry("N<init>()V", 12, init, voidDescriptor));
    int code = utf8("Code");
    int signature = utf8("Signature");
    int[][] fieldRefs = new int[fields.size()][];
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec f = fields.get(i);
      fieldRefs[i] = new int[] {utf8(f.name()), utf8(f.descriptor()), f.signature() == null ? 0 : utf8(f.signature())};
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeInt(0xCAFEBABE);
      out.writeShort(0);
      out.writeShort(61);
      out.writeShort(pool.size() + 1);
      for (byte[] e : pool) {
        out.write(e);
      }
      out.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
      out.writeShort(thisClass);
      out.writeShort(superClass);
      out.writeShort(0); // interfaces
      out.writeShort(fields.size());
      for (int[] f : fieldRefs) {
        out.writeShort(0x0001); // public
        out.writeShort(f[0]);
        out.writeShort(f[1]);
        if (f[2] == 0) {
          out.writeShort(0);
        } else {
          out.writeShort(1);
          out.writeShort(signature);
          out.writeInt(2);
          out.writeShort(f[2]);
        }
      }
      out.writeShort(1); // methods: the constructor, super()
      out.writeShort(0x0001);
      out.writeShort(init);
      out.writeShort(voidDescriptor);
      out.writeShort(1);
      out.writeShort(code);
      out.writeInt(17);
      out.writeShort(1); // max stack
      out.writeShort(1); // max locals
      out.writeInt(5);
      out.writeByte(0x2a); // aload_0
      out.writeByte(0xb7); // invokespecial
      out.writeShort(superInit);
      out.writeByte(0xb1); // return
      out.writeShort(0); // exception table
      out.writeShort(0); // code attributes
      out.writeShort(0); // class attributes
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private int utf8(String s) {
    Integer known = indexes.get("U" + s);
    if (known != null) {
      return known;
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeByte(1);
      out.writeUTF(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return add("U" + s, b.toByteArray());
  }

  private int classRef(String internalName) {
    return entry("C" + internalName, 7, utf8(internalName), -1);
  }

  private int entry(String key, int tag, int first, int second) {
    Integer known = indexes.get(key);
    if (known != null) {
      return known;
    }
    byte[] e = second < 0
        ? new byte[] {(byte) tag, (byte) (first >> 8), (byte) first}
        : new byte[] {(byte) tag, (byte) (first >> 8), (byte) first, (byte) (second >> 8), (byte) second};
    return add(key, e);
  }

  private int add(String key, byte[] e) {
    pool.add(e);
    indexes.put(key, pool.size());
    return pool.size();
  }
}
