namespace SocialEconomy.Domain;

/// <summary>
/// A rule of the model was broken. The message is Korean because it is shown to the
/// official next to the field that caused it.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}
