using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>
/// Visual Studio's MSBuild ships its own Newtonsoft.Json 13.0.x (assembly version 13.0.0.0) and the net472 task binds
/// to that copy, not to the one packed beside it. So every Newtonsoft type and member the packed net472 task uses must
/// exist in an older 13.0.x too; here 13.0.1 (a PackageDownload, read as metadata, never loaded). A member only a
/// newer 13.0.x has, such as 13.0.4's one-argument JToken.ToString(Formatting), would fail with
/// MissingMethodException in Visual Studio only.
/// </summary>
[TestClass]
public sealed class NewtonsoftAsVisualStudioLoadsItTests
{
    private static string Newtonsoft1301 =>
        typeof(NewtonsoftAsVisualStudioLoadsItTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Newtonsoft.Json 13.0.1 net45").Value!;

    [TestMethod]
    public void TheNet472TaskReferencesNewtonsoftJsonAsAssemblyVersion13_0_0_0()
    {
        using var task = PackedNet472Task();
        var reader = task.GetMetadataReader();
        var reference = reader.GetAssemblyReference(NewtonsoftReference(reader));
        Assert.AreEqual(new Version(13, 0, 0, 0), reference.Version, "every 13.0.x has assembly version 13.0.0.0, which Visual Studio's copy satisfies");
    }

    [TestMethod]
    public void EveryNewtonsoftTypeAndMemberTheNet472TaskUsesExistsInNewtonsoftJson13_0_1()
    {
        using var task = PackedNet472Task();
        using var library = new PEReader(File.OpenRead(Newtonsoft1301));
        var used = UsedNewtonsoftMembers(task.GetMetadataReader());
        var available = new NewtonsoftSurface(library.GetMetadataReader());

        Assert.IsTrue(used.Types.Count > 5 && used.Members.Count > 20, $"the scan found the task's Newtonsoft references ({used.Types.Count} types, {used.Members.Count} members)");
        var missing = used.Types.Where(t => !available.HasType(t)).Concat(used.Members.Where(m => !available.HasMember(m))).ToList();
        Assert.AreEqual(0, missing.Count, "not in Newtonsoft.Json 13.0.1, so Visual Studio's copy may lack it:\n" + string.Join("\n", missing));
    }

    private static PEReader PackedNet472Task()
    {
        using var zip = ZipFile.OpenRead(PackedPackage.Feed.NupkgPath);
        using var entry = zip.GetEntry("tasks/net472/Convex.AuthKit.Build.dll")!.Open();
        var bytes = new MemoryStream();
        entry.CopyTo(bytes);
        return new PEReader(ImmutableArray.Create(bytes.ToArray()));
    }

    private static AssemblyReferenceHandle NewtonsoftReference(MetadataReader reader) =>
        reader.AssemblyReferences.Single(h => reader.GetString(reader.GetAssemblyReference(h).Name) == "Newtonsoft.Json");

    /// <summary>
    /// The TypeRef rows that resolve to Newtonsoft.Json, and the MemberRef rows whose parent is one of them (or a
    /// generic instance of one), each as "Type::name signature".
    /// </summary>
    private static (List<string> Types, List<string> Members) UsedNewtonsoftMembers(MetadataReader reader)
    {
        var newtonsoft = NewtonsoftReference(reader);
        var names = SignatureNames.Instance;
        bool InNewtonsoft(TypeReferenceHandle handle)
        {
            var scope = reader.GetTypeReference(handle).ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference) scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            return scope.Kind == HandleKind.AssemblyReference && (AssemblyReferenceHandle)scope == newtonsoft;
        }

        var types = reader.TypeReferences.Where(InNewtonsoft).Select(h => SignatureNames.FullName(reader, h)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        var members = new List<string>();
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var parent = member.Parent;
            if (parent.Kind == HandleKind.TypeSpecification)
                parent = GenericTypeOf(reader, (TypeSpecificationHandle)parent);
            if (parent.Kind != HandleKind.TypeReference || !InNewtonsoft((TypeReferenceHandle)parent)) continue;
            var signature = member.GetKind() == MemberReferenceKind.Method
                ? SignatureNames.Method(member.DecodeMethodSignature(names, null))
                : "field " + member.DecodeFieldSignature(names, null);
            members.Add(SignatureNames.FullName(reader, (TypeReferenceHandle)parent) + "::" + reader.GetString(member.Name) + " " + signature);
        }
        return (types, members.Distinct().OrderBy(m => m, StringComparer.Ordinal).ToList());
    }

    /// <summary>The generic type of a generic instance (JsonConverter&lt;T&gt; of JsonConverter&lt;Foo&gt;); nil for anything else.</summary>
    private static EntityHandle GenericTypeOf(MetadataReader reader, TypeSpecificationHandle handle)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return default;
        blob.ReadSignatureTypeCode();
        return blob.ReadTypeHandle();
    }

    /// <summary>The types and members Newtonsoft.Json defines, named as <see cref="UsedNewtonsoftMembers"/> names them.</summary>
    private sealed class NewtonsoftSurface
    {
        private readonly Dictionary<string, TypeDefinitionHandle> _types = new(StringComparer.Ordinal);
        private readonly MetadataReader _reader;
        private readonly SignatureNames _names = SignatureNames.Instance;

        public NewtonsoftSurface(MetadataReader reader)
        {
            _reader = reader;
            foreach (var handle in reader.TypeDefinitions) _types[SignatureNames.FullName(reader, handle)] = handle;
        }

        public bool HasType(string name) => _types.ContainsKey(name);

        /// <summary>Declared by the type or, as the runtime resolves a member reference, by one of its base types.</summary>
        public bool HasMember(string member)
        {
            var separator = member.IndexOf("::", StringComparison.Ordinal);
            var rest = member[(separator + 2)..];
            var name = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
            var signature = rest[(name.Length + 1)..];
            for (var type = TypeOrNil(member[..separator]); !type.IsNil; type = BaseOf(type))
            {
                var definition = _reader.GetTypeDefinition(type);
                if (definition.GetMethods().Select(_reader.GetMethodDefinition)
                    .Any(m => _reader.GetString(m.Name) == name && SignatureNames.Method(m.DecodeSignature(_names, null)) == signature))
                    return true;
                if (definition.GetFields().Select(_reader.GetFieldDefinition)
                    .Any(f => _reader.GetString(f.Name) == name && "field " + f.DecodeSignature(_names, null) == signature))
                    return true;
            }
            return false;
        }

        private TypeDefinitionHandle TypeOrNil(string name) => _types.TryGetValue(name, out var handle) ? handle : default;

        /// <summary>The base type when Newtonsoft.Json defines it (directly or as a generic instance); nil otherwise.</summary>
        private TypeDefinitionHandle BaseOf(TypeDefinitionHandle type)
        {
            var baseType = _reader.GetTypeDefinition(type).BaseType;
            if (baseType.Kind == HandleKind.TypeSpecification) baseType = GenericTypeOf(_reader, (TypeSpecificationHandle)baseType);
            return baseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)baseType : default;
        }
    }

    /// <summary>
    /// Signature types as text that reads the same in both assemblies: full names without the assembly (the task's
    /// System types come from mscorlib, as Newtonsoft's net45 build's do), !n and !!n for generic parameters, required
    /// modifiers kept and optional ones dropped, as the runtime matches signatures.
    /// </summary>
    private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        public static readonly SignatureNames Instance = new();

        public static string Method(MethodSignature<string> signature) =>
            (signature.Header.IsInstance ? "instance " : "static ")
            + (signature.GenericParameterCount > 0 ? "<" + signature.GenericParameterCount + "> " : "")
            + signature.ReturnType + " (" + string.Join(", ", signature.ParameterTypes) + ")";

        public static string FullName(MetadataReader reader, TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? FullName(reader, (TypeReferenceHandle)type.ResolutionScope) + "/" + name
                : Qualified(reader.GetString(type.Namespace), name);
        }

        public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = reader.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            return declaring.IsNil ? Qualified(reader.GetString(type.Namespace), name) : FullName(reader, declaring) + "/" + name;
        }

        private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Void => "System.Void",
            PrimitiveTypeCode.Boolean => "System.Boolean",
            PrimitiveTypeCode.Char => "System.Char",
            PrimitiveTypeCode.SByte => "System.SByte",
            PrimitiveTypeCode.Byte => "System.Byte",
            PrimitiveTypeCode.Int16 => "System.Int16",
            PrimitiveTypeCode.UInt16 => "System.UInt16",
            PrimitiveTypeCode.Int32 => "System.Int32",
            PrimitiveTypeCode.UInt32 => "System.UInt32",
            PrimitiveTypeCode.Int64 => "System.Int64",
            PrimitiveTypeCode.UInt64 => "System.UInt64",
            PrimitiveTypeCode.Single => "System.Single",
            PrimitiveTypeCode.Double => "System.Double",
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.IntPtr => "System.IntPtr",
            PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
            PrimitiveTypeCode.Object => "System.Object",
            PrimitiveTypeCode.TypedReference => "System.TypedReference",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => FullName(reader, handle);

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(", ", typeArguments) + ">";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
            isRequired ? unmodifiedType + " modreq(" + modifier + ")" : unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + Method(signature);
    }
}
