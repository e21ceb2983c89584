#!/bin/sh
# Fills an RT started by rt-server.sh with tickets for the benchmark,
# through RT's own Perl API (RT::Ticket), the way RT's web and REST
# interfaces create them, with their transactions; only the scrips (which
# send mail) are switched off meanwhile.
#
#   rt-seed.sh DIR COUNT    COUNT tickets in queue General, each with a
#                           correspondence, a comment and a comment with
#                           time worked; writes seeded=COUNT to
#                           DIR/server.env so a later run can tell
#
# It is quicker than REST2 (no HTTP, no token check per request) and is
# done once per server directory: the benchmark keeps the directory.
set -eu

dir=${1:?usage: rt-seed.sh DIR COUNT}
count=${2:?usage: rt-seed.sh DIR COUNT}
case $count in
  '' | *[!0-9]*) echo "rt-seed.sh: not a count: $count" >&2; exit 2 ;;
esac

export RT_SITE_CONFIG="$dir/etc/RT_SiteConfig.pm"
export RT_SITE_CONFIG_DIR="$dir/etc/RT_SiteConfig.d"
export TMPDIR="$dir/tmp"
export HOME="$dir"

perl -I/usr/share/request-tracker5/lib -MRT -e '
  RT::LoadConfig();
  RT::Init();
  my $count = shift;
  my $user = RT::User->new(RT->SystemUser);
  $user->Load("root");
  my $current = RT::CurrentUser->new($user);
  my @statuses = qw(new open open stalled resolved);
  # Mail is what makes a create slow, and the benchmark syncs tickets,
  # not mail: the scrips are off while seeding and back on afterwards.
  my $scrips = RT::Scrips->new(RT->SystemUser);
  $scrips->UnLimit;
  my @enabled;
  while (my $scrip = $scrips->Next) {
    next if $scrip->Disabled;
    push @enabled, $scrip;
    $scrip->SetDisabled(1);
  }
  for my $n (1 .. $count) {
    my $ticket = RT::Ticket->new($current);
    my ($id, undef, $msg) = $ticket->Create(
      Queue     => "General",
      Subject   => sprintf("Bench ticket %05d: printer on floor %d", $n, $n % 7),
      Requestor => sprintf("user%04d\@bench.invalid", $n % 500),
      Priority  => ($n * 7) % 100,
      MIMEObj   => MIME::Entity->build(Type => "text/plain", Charset => "UTF-8",
                                       Data => ["The printer on floor " . ($n % 7) . " jams.\n"]),
    );
    die "ticket $n: $msg\n" unless $id;
    $ticket->Correspond(Content => "We are looking into it ($n).");
    $ticket->Comment(Content => "Probably the fuser ($n).");
    $ticket->Comment(Content => "Replaced the fuser.", TimeTaken => 15);
    my $status = $statuses[$n % @statuses];
    $ticket->SetStatus($status) unless $status eq "new" || $status eq $ticket->Status;
    print STDERR "rt-seed.sh: $n of $count\n" if $n % 250 == 0;
  }
  $_->SetDisabled(0) for @enabled;
' "$count"

echo "seeded=$count" >> "$dir/server.env"
