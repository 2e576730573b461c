using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>
/// [RequestSizeLimit] and [RequestFormLimits] for an upload endpoint, with a configured limit
/// (attribute arguments must be constants) and a Korean answer of the feature's own. The
/// portal's default body limit is small (Security:MaxRequestBodyBytes); an upload endpoint
/// raises it to its own limit here. A request that declares a larger body is answered before
/// a byte of it is read; one that grows past the limit while streaming is stopped by the
/// body-size and multipart limits. Runs at order 900, as the framework's own size filters
/// do: before antiforgery (1000) reads the form.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public abstract class UploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public int Order { get; set; } = 900;

    public bool IsReusable => true;

    /// <summary>How many form fields the request may carry besides the file (a lone upload needs few).</summary>
    protected virtual int ValueCountLimit => 16;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new UploadLimitsFilter(MaxRequestBytes(serviceProvider), ValueCountLimit, TooLarge);

    /// <summary>The most bytes the whole request may have: the file plus the form around it.</summary>
    protected abstract long MaxRequestBytes(IServiceProvider services);

    /// <summary>The feature's Korean answer to a too large upload (413).</summary>
    protected abstract IActionResult TooLarge(AuthorizationFilterContext context);

    private sealed class UploadLimitsFilter(long maxRequestBytes, int valueCountLimit, Func<AuthorizationFilterContext, IActionResult> tooLarge)
        : IAsyncAuthorizationFilter, IRequestSizePolicy, IRequestFormLimitsPolicy
    {
        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            var request = http.Request;
            if (request.ContentLength > maxRequestBytes)
            {
                context.Result = tooLarge(context);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = maxRequestBytes;
            }

            if (!request.HasFormContentType)
            {
                return;
            }

            if (http.Features.Get<IFormFeature>() is not { Form: not null })
            {
                http.Features.Set<IFormFeature>(new Configuration.UrlEncodedFormFeature(request, new FormOptions
                {
                    MultipartBodyLengthLimit = maxRequestBytes,
                    ValueCountLimit = valueCountLimit,
                }));
            }

            try
            {
                // Read here, inside the limits, so that a too large body gets the Korean answer
                // rather than antiforgery's bare 400.
                await request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                context.Result = tooLarge(context);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Result = tooLarge(context);
            }
        }
    }
}
