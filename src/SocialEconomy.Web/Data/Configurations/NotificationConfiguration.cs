using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.Notifications;

namespace SocialEconomy.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientId).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Page).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.MailState).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Key).HasMaxLength(Notification.KeyMaxLength).IsRequired();
        builder.Property(n => n.SubProjectCode).HasMaxLength(SubProjectCode.MaxLength);
        builder.Property(n => n.MailError).HasMaxLength(Notification.MailErrorMaxLength);
        builder.Ignore(n => n.Target);
        builder.Ignore(n => n.IsRead);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LocalGovernment>().WithMany().HasForeignKey(n => n.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);

        // Once per person and key (a reminder per deadline and stage, across restarts).
        builder.HasIndex(n => new { n.RecipientId, n.Key }).IsUnique();

        // The header's unread count and the list, newest first.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAtUtc });

        // The outbox: pending e-mail by when it is due.
        builder.HasIndex(n => new { n.MailState, n.MailDueUtc });
    }
}

internal sealed class NoticeMailOptOutConfiguration : IEntityTypeConfiguration<NoticeMailOptOut>
{
    public void Configure(EntityTypeBuilder<NoticeMailOptOut> builder)
    {
        builder.ToTable("NoticeMailOptOuts");
        builder.HasKey(o => new { o.UserId, o.Kind });
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
