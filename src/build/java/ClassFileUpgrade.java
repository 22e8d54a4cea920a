import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A build step, run by {@code mvn} as a single-file program with ASM on its class path: rewrites
 * the class files under IN (a library compiled for an old Java) to class-file version 52 (Java 8)
 * with stack map frames computed, into OUT, and then has the JVM verify every rewritten class.
 *
 * <p>Why: the JDK's class-data archive ({@code -XX:ArchiveClassesAtExit}) cannot hold classes below
 * version 50, so such a library is parsed and verified again at every start (picocli, compiled for
 * Java 5; see docs/decisions/0008). The rewrite changes no instruction: only the version number and
 * the frames that version 50 and later need for the faster verifier.
 *
 * <p>Every failure stops the build: a class using {@code jsr}/{@code ret} (which version 51 and
 * later forbid), a type whose super class cannot be found, a rewritten class the JVM rejects.
 *
 * <p>Usage: {@code java -cp asm.jar ClassFileUpgrade.java IN OUT}
 */
public final class ClassFileUpgrade {
  private static final int TARGET = Opcodes.V1_8;

  /** The super class of each class being rewritten, by internal name. */
  private final Map<String, String> superOf = new HashMap<>();

  /** The interfaces among the classes being rewritten. */
  private final Set<String> interfaces = new HashSet<>();

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java -cp asm.jar ClassFileUpgrade.java IN OUT");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Path> classes = classFiles(in);
    if (classes.isEmpty()) {
      fail(in + ": no class files to rewrite");
    }
    ClassFileUpgrade upgrade = new ClassFileUpgrade();
    Map<Path, ClassReader> readers = new HashMap<>();
    for (Path p : classes) {
      ClassReader r = new ClassReader(Files.readAllBytes(p));
      readers.put(p, r);
      upgrade.superOf.put(r.getClassName(), r.getSuperName());
      if ((r.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
        upgrade.interfaces.add(r.getClassName());
      }
    }
    int rewritten = 0;
    List<String> names = new ArrayList<>();
    for (Path p : classes) {
      ClassReader r = readers.get(p);
      byte[] bytes;
      try {
        bytes = upgrade.rewrite(r);
      } catch (RuntimeException e) {
        fail(p + ": cannot be rewritten to class-file version 52: " + e.getMessage());
        return;
      }
      if (bytes == null) {
        bytes = Files.readAllBytes(p);
      } else {
        rewritten++;
      }
      Path target = out.resolve(in.relativize(p).toString());
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
      names.add(r.getClassName().replace('/', '.'));
    }
    verify(out, names);
    System.out.printf(
        "class files: %d rewritten to version 52, %d unchanged, all verified (%s -> %s)%n",
        rewritten, classes.size() - rewritten, in, out);
  }

  private static List<Path> classFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".class"))
          .filter(p -> !p.getFileName().toString().equals("module-info.class"))
          .sorted()
          .toList();
    }
  }

  /** The class rewritten to version 52, or null when it already is version 52 or later. */
  private byte[] rewrite(ClassReader reader) {
    int version = reader.readShort(6) & 0xFFFF;
    if (version >= 52) {
      return null;
    }
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected String getCommonSuperClass(String a, String b) {
            return commonSuperClass(a, b);
          }
        };
    ClassVisitor upgrade =
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int v, int access, String name, String sig, String sup, String[] ifaces) {
            super.visit(TARGET, access, name, sig, sup, ifaces);
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String sig, String[] exceptions) {
            String method = name + desc;
            return new MethodVisitor(
                Opcodes.ASM9, super.visitMethod(access, name, desc, sig, exceptions)) {
              @Override
              public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                if (opcode == Opcodes.JSR) {
                  throw new IllegalStateException(method + " uses jsr");
                }
                super.visitJumpInsn(opcode, label);
              }

              @Override
              public void visitVarInsn(int opcode, int var) {
                if (opcode == Opcodes.RET) {
                  throw new IllegalStateException(method + " uses ret");
                }
                super.visitVarInsn(opcode, var);
              }
            };
          }
        };
    reader.accept(upgrade, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /**
   * The nearest common super class of two classes, for the frames: from the classes being
   * rewritten, else from the JDK (never loading the classes being rewritten).
   */
  private String commonSuperClass(String a, String b) {
    if (isInterface(a) || isInterface(b)) {
      return "java/lang/Object";
    }
    Set<String> ancestors = new HashSet<>();
    for (String t = a; t != null; t = superClass(t)) {
      ancestors.add(t);
    }
    for (String t = b; t != null; t = superClass(t)) {
      if (ancestors.contains(t)) {
        return t;
      }
    }
    return "java/lang/Object";
  }

  private boolean isInterface(String name) {
    return superOf.containsKey(name) ? interfaces.contains(name) : jdkClass(name).isInterface();
  }

  private String superClass(String name) {
    if (superOf.containsKey(name)) {
      return superOf.get(name);
    }
    Class<?> sup = jdkClass(name).getSuperclass();
    return sup == null ? null : sup.getName().replace('.', '/');
  }

  private static Class<?> jdkClass(String internalName) {
    try {
      return Class.forName(
          internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "type " + internalName + " is neither rewritten here nor in the JDK", e);
    }
  }

  /**
   * Links every rewritten class in a fresh class loader, which makes the JVM verify its bytecode
   * against the new frames (reflecting over a class's methods links it without initialising it).
   */
  private static void verify(Path out, List<String> names) throws IOException {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : names) {
        try {
          Class<?> c = Class.forName(name, false, loader);
          if (c.getClassLoader() != loader) {
            fail(name + ": loaded from elsewhere than " + out);
          }
          c.getDeclaredMethods();
        } catch (ClassNotFoundException | LinkageError e) {
          fail(name + ": the rewritten class does not load: " + e);
        }
      }
    }
  }

  private static void fail(String message) {
    System.err.println("error: " + message);
    System.exit(1);
  }
}
