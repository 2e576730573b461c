using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>An upload waiting for its new departments to be confirmed: the file as it came, and what was shown.</summary>
public sealed record PendingPlanImport(string Token, byte[] Content, string FileName, string? NewTitle, IReadOnlyList<NewDepartment> NewDepartments);

/// <summary>
/// Uploads between the import and its confirmation, so that the user does not pick the file
/// again. Held in this process's memory, never on disk: nothing is left behind by a crash, and
/// an entry goes by itself after <see cref="Lifetime"/>. One entry per user (a new upload
/// replaces the last), opened only with its random token by the same user, and taken (removed)
/// when used. Behind a load balancer the confirmation must reach the same server (sticky
/// sessions); otherwise the user is asked to upload again.
/// </summary>
public sealed class PendingPlanImports : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>All pending uploads together; about 25 of the largest accepted workbooks.</summary>
    private const long MaxBytes = 256L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    /// <summary>Keeps an upload for <paramref name="userId"/>; returns the token the confirmation form carries.</summary>
    public string Keep(string userId, byte[] content, string fileName, string? newTitle, IReadOnlyList<NewDepartment> newDepartments)
    {
        ArgumentNullException.ThrowIfNull(content);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _cache.Set(Key(userId), new PendingPlanImport(token, content, fileName, newTitle, newDepartments), new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = Lifetime,
            Size = Math.Max(1, content.LongLength),
        });
        return token;
    }

    /// <summary>The user's upload of that token, removed so that it is used once; null when gone, expired or not theirs.</summary>
    public PendingPlanImport? Take(string userId, string? token)
    {
        if (Find(userId, token) is not { } pending)
        {
            return null;
        }

        _cache.Remove(Key(userId));
        return pending;
    }

    public void Discard(string userId, string? token)
    {
        if (Find(userId, token) is not null)
        {
            _cache.Remove(Key(userId));
        }
    }

    public void Dispose() => _cache.Dispose();

    private PendingPlanImport? Find(string userId, string? token) =>
        token is not null
        && _cache.TryGetValue(Key(userId), out PendingPlanImport? pending)
        && pending is not null
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(pending.Token), System.Text.Encoding.ASCII.GetBytes(token))
            ? pending
            : null;

    private static string Key(string userId) => "plan-import:" + userId;
}
