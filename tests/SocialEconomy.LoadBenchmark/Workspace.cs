using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocialEconomy.LoadBenchmark;

/// <summary>
/// One data set's temporary folder: its SQLite file, data-protection keys, certificate and
/// the app's logs. Deleted at the end unless the run is asked to keep it.
/// </summary>
public sealed class Workspace : IDisposable
{
    private readonly bool _keep;

    private Workspace(string directory, string repository, string configuration, bool keep)
    {
        Directory = directory;
        WebDirectory = Path.Combine(repository, "src", "SocialEconomy.Web");
        WebAssembly = Path.Combine(WebDirectory, "bin", configuration, "net10.0", "SocialEconomy.Web.dll");
        if (!File.Exists(WebAssembly))
        {
            throw new FileNotFoundException($"Build the portal first (dotnet build -c {configuration}): {WebAssembly} is missing.");
        }

        CertificatePassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _keep = keep;
    }

    public string Directory { get; }

    /// <summary>The app's content root (views, wwwroot, appsettings.json).</summary>
    public string WebDirectory { get; }

    public string WebAssembly { get; }

    public string DatabasePath => Path.Combine(Directory, "socialeconomy.db");

    public string CertificatePath => Path.Combine(Directory, "loopback.pfx");

    public string CertificatePassword { get; }

    public static Workspace Create(string name, string repository, string configuration, bool keep)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"socialeconomy-load-{name}-{Guid.NewGuid():N}"[..48]);
        System.IO.Directory.CreateDirectory(directory);
        return new Workspace(directory, repository, configuration, keep);
    }

    /// <summary>A self-signed certificate for 127.0.0.1, written as the PFX Kestrel's endpoint loads.</summary>
    public X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return certificate;
    }

    public void Dispose()
    {
        if (!_keep && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
