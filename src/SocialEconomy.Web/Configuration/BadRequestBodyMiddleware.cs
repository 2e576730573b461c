using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Configuration;

/// <summary>
/// Refused request bodies get a Korean status page instead of a 500. A body that declares more
/// than Security:MaxRequestBodyBytes is answered 413 before anything reads it, unless its
/// endpoint raises its own limit (an <see cref="UploadLimitsAttribute"/>); a body refused
/// while it is read (BadHttpRequestException, or the form reader's own limits) is answered
/// with the status it carries. Runs after routing, so that it knows the endpoint.
/// </summary>
public sealed class BadRequestBodyMiddleware(RequestDelegate next, SecurityOptions options, ILogger<BadRequestBodyMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The status page re-executes with the same request; it never reads the body.
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && context.Request.ContentLength > options.MaxRequestBodyBytes && context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitsAttribute>() is null)
        {
            log.LogWarning("Request body of {Length} bytes refused before reading", context.Request.ContentLength);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            log.LogWarning("Request body refused with {StatusCode}: {Reason}", e.StatusCode, e.Message);
            context.Response.Clear();
            context.Response.StatusCode = e.StatusCode;
        }
        catch (InvalidDataException e) when (!context.Response.HasStarted && context.Request.HasFormContentType)
        {
            // The form reader's own limits (value length, value count, multipart length).
            log.LogWarning("Form refused: {Reason}", e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }
}
