using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace SocialEconomy.Web.Configuration;

/// <summary>
/// Reads a url-encoded form with <see cref="FormReader"/>, which decodes <c>%00</c> into a NUL
/// character like any other, instead of ASP.NET Core's FormPipeReader, whose decoder throws on
/// it ("The path contains null characters"). The whole form was then unreadable: antiforgery
/// answered a bare 400, the results page's upload limits a 413 that claimed the typed results
/// were kept, and nothing typed came back. Read this way, the NUL reaches model binding, where
/// <see cref="Features.Shared.TextRules"/> refuses it beside its field. The limits are the
/// same <see cref="FormOptions"/>; a multipart form (whose values are never percent-decoded)
/// is read by the framework's own <see cref="FormFeature"/>.
/// </summary>
public sealed class UrlEncodedFormFeature(HttpRequest request, FormOptions options) : IFormFeature
{
    private readonly FormFeature _framework = new(request, options);

    public bool HasFormContentType => _framework.HasFormContentType;

    public IFormCollection? Form
    {
        get => _framework.Form;
        set => _framework.Form = value;
    }

    public static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    public IFormCollection ReadForm() => ReadFormAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
    {
        if (Form is { } read)
        {
            return read;
        }

        if (!IsUrlEncoded(request))
        {
            return await _framework.ReadFormAsync(cancellationToken);
        }

        // The portal's pages are UTF-8, and so is every form they post.
        using var reader = new FormReader(request.Body, Encoding.UTF8)
        {
            ValueCountLimit = options.ValueCountLimit,
            KeyLengthLimit = options.KeyLengthLimit,
            ValueLengthLimit = options.ValueLengthLimit,
        };
        var form = new FormCollection(await reader.ReadFormAsync(cancellationToken));
        Form = form;
        return form;
    }
}
